import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def fetch_all(fetch: Callable[[str], Awaitable[T]], keys: Iterable[str]) -> dict[str, T]:
    """Fetch every key concurrently; return {key: result} in the order of keys."""
    key_list = list(keys)
    results = await asyncio.gather(*(fetch(key) for key in key_list))
    return dict(zip(key_list, results))
