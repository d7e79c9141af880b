def flatten(items):
    """Return a flat list of all non-list values in the nested list items, in reading order."""
    return list(items)
