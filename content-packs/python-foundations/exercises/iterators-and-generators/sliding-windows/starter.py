def windows(iterable, size):
    """Yield tuples of `size` consecutive items of iterable."""
    raise NotImplementedError("keep the last `size` items and yield them as a tuple")
