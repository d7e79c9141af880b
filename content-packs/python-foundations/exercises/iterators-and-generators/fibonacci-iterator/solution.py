class Fibonacci:
    """Iterator over the Fibonacci numbers that are not greater than limit."""

    def __init__(self, limit):
        self.limit = limit
        self.current = 0
        self.following = 1

    def __iter__(self):
        return self

    def __next__(self):
        if self.current > self.limit:
            raise StopIteration
        value = self.current
        self.current, self.following = self.following, self.current + self.following
        return value
