from collections.abc import Iterable
from typing import Protocol, runtime_checkable


@runtime_checkable
class HasArea(Protocol):
    def area(self) -> float:
        ...


def total_area(shapes: Iterable[HasArea]) -> float:
    """Sum of the areas; raise TypeError for an item without area()."""
    total = 0.0
    for shape in shapes:
        if not isinstance(shape, HasArea):
            raise TypeError(f"expected a shape with an area() method, got {type(shape).__name__}")
        total += shape.area()
    return total


def largest(shapes: Iterable[HasArea]) -> HasArea | None:
    """The shape with the biggest area, or None if there are none."""
    best: HasArea | None = None
    for shape in shapes:
        if best is None or shape.area() > best.area():
            best = shape
    return best
