import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def fetch_all(fetch: Callable[[str], Awaitable[T]], keys: Iterable[str]) -> dict[str, T]:
    """Fetch every key concurrently; return {key: result} in the order of keys."""
    results = {}
    for key in keys:
        results[key] = await fetch(key)  # one at a time: too slow!
    return results
