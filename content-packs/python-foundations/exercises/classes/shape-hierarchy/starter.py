import math


class Shape:
    """Base class: subclasses provide area() and perimeter()."""

    def area(self):
        raise NotImplementedError("subclasses must define area()")

    def perimeter(self):
        raise NotImplementedError("subclasses must define perimeter()")

    def describe(self):
        return f"{type(self).__name__}: area {self.area():.2f}, perimeter {self.perimeter():.2f}"


class Rectangle(Shape):
    """A rectangle with a width and a height."""


class Square(Shape):
    """A rectangle whose sides are all equal. (Should it inherit from Shape?)"""


class Circle(Shape):
    """A circle with a radius."""


def total_area(shapes):
    """Sum of the areas of shapes."""
    raise NotImplementedError
