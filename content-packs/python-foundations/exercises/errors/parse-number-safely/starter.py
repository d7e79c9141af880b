def parse_number(text, default=None):
    """Return text as an int, else as a float, else return default."""
    return int(text)
