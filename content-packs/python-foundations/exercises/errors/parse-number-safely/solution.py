def parse_number(text, default=None):
    """Return text as an int, else as a float, else return default."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return default
