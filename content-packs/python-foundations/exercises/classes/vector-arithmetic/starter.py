class Vector:
    """A two-dimensional vector that supports +, -, * by a number, ==, abs() and bool()."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        raise NotImplementedError

    def __add__(self, other):
        raise NotImplementedError
