import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def retry(operation: Callable[[], Awaitable[T]], attempts: int, delay: float = 0.0) -> T:
    """Await operation() up to `attempts` times; return the first success."""
    return await operation()
