import asyncio
from collections.abc import Awaitable, Callable


async def _check_one(check: Callable[[], Awaitable[str]], timeout: float) -> str:
    try:
        return await asyncio.wait_for(check(), timeout=timeout)
    except TimeoutError:
        return "timeout"
    except Exception as error:
        return f"error: {type(error).__name__}"


async def check_services(checks: dict[str, Callable[[], Awaitable[str]]], timeout: float) -> dict[str, str]:
    """Run every check concurrently with a time limit; report each one's status."""
    names = list(checks)
    statuses = await asyncio.gather(*(_check_one(checks[name], timeout) for name in names))
    return dict(zip(names, statuses))
