def running_totals(numbers):
    """Return a new list whose item i is the sum of numbers[0] .. numbers[i]."""
    raise NotImplementedError
