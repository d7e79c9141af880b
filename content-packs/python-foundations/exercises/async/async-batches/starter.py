import asyncio
from collections.abc import AsyncIterable, AsyncIterator
from typing import TypeVar

T = TypeVar("T")


async def batched(source: AsyncIterable[T], size: int) -> AsyncIterator[list[T]]:
    """Yield lists of `size` items from `source`; the last one may be shorter."""
    everything = [item async for item in source]
    yield everything
