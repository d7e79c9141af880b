from collections.abc import Iterator
from typing import Any


class RecentItems:
    """Keeps the `capacity` most recently added items. Make it Generic[T]."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.items: list[Any] = []

    def add(self, item: Any) -> None:
        self.items.append(item)

    def latest(self) -> Any:
        return self.items[-1]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)
