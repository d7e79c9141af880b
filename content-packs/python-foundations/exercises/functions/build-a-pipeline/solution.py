def pipeline(*steps):
    """Return a function that passes its argument through each of steps, left to right."""

    def run(value):
        for step in steps:
            value = step(value)
        return value

    return run
