import itertools


def windows(iterable, size):
    """Yield tuples of `size` consecutive items of iterable."""
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    items = iter(iterable)
    window = tuple(itertools.islice(items, size))
    if len(window) < size:
        return
    yield window
    for item in items:
        window = window[1:] + (item,)
        yield window
