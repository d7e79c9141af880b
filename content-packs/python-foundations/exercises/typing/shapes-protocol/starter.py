from collections.abc import Iterable


class HasArea:
    """Turn this into a runtime-checkable Protocol with an area() method."""


def total_area(shapes: Iterable[HasArea]) -> float:
    """Sum of the areas; raise TypeError for an item without area()."""
    return sum(shape.area() for shape in shapes)


def largest(shapes: Iterable[HasArea]) -> HasArea | None:
    """The shape with the biggest area, or None if there are none."""
    raise NotImplementedError
