def check_age(value):
    """Return value if it is a plausible age; raise TypeError or ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"age must be an int, got {value!r}")
    if not 0 <= value <= 150:
        raise ValueError(f"age must be between 0 and 150, got {value!r}")
    return value
