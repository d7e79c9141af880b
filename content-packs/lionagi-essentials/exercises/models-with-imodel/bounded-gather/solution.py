import asyncio


async def ask_all(model, prompts, limit):
    """Ask model.reply(prompt) for every prompt, at most `limit` at a time.

    Returns the replies in prompt order; a failed call leaves its exception in its slot.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    slots = asyncio.Semaphore(limit)

    async def one(prompt):
        async with slots:
            return await model.reply(prompt)

    return await asyncio.gather(*(one(p) for p in prompts), return_exceptions=True)
