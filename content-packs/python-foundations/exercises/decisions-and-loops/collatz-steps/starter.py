def steps_to_one(n):
    """Return how many halve-or-triple-plus-one steps it takes to get from n to 1."""
    raise NotImplementedError
