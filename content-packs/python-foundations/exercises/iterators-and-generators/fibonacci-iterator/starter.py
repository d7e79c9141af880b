class Fibonacci:
    """Iterator over the Fibonacci numbers that are not greater than limit."""

    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration
