def apply_n_times(func, value, n):
    """Return the result of calling func on value, then on each result, n times in all."""
    result = value
    for _ in range(n):
        result = func(result)
    return result
