from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class RecentItems(Generic[T]):
    """Keeps the `capacity` most recently added items, oldest first."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self.capacity = capacity
        self._items: list[T] = []

    def add(self, item: T) -> None:
        self._items.append(item)
        if len(self._items) > self.capacity:
            del self._items[0]

    def latest(self) -> T | None:
        if not self._items:
            return None
        return self._items[-1]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)
