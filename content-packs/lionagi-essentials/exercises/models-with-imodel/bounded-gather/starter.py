import asyncio


async def ask_all(model, prompts, limit):
    """Ask model.reply(prompt) for every prompt, at most `limit` at a time.

    Returns the replies in prompt order; a failed call leaves its exception in its slot.
    """
    raise NotImplementedError
