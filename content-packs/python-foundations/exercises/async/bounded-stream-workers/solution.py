import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def process_stream(source: AsyncIterable[T], handler: Callable[[T], Awaitable[R]], workers: int) -> list[R]:
    """Run handler on every item, at most `workers` at a time; results in source order."""
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    slots = asyncio.Semaphore(workers)
    results: dict[int, R] = {}

    async def run(index: int, item: T) -> None:
        try:
            results[index] = await handler(item)
        finally:
            slots.release()

    count = 0
    try:
        async with asyncio.TaskGroup() as group:
            async for item in source:
                await slots.acquire()  # wait for a free worker before reading on
                group.create_task(run(count, item))
                count += 1
    except ExceptionGroup as failures:
        raise failures.exceptions[0]
    return [results[index] for index in range(count)]
