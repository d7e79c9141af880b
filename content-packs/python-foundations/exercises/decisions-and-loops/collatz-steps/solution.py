def steps_to_one(n):
    """Return how many halve-or-triple-plus-one steps it takes to get from n to 1."""
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
