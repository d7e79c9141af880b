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

    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Square(Rectangle):
    """A rectangle whose sides are all equal."""

    def __init__(self, side):
        super().__init__(side, side)


class Circle(Shape):
    """A circle with a radius."""

    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2

    def perimeter(self):
        return 2 * math.pi * self.radius


def total_area(shapes):
    """Sum of the areas of shapes."""
    return sum(shape.area() for shape in shapes)
