def flatten(items):
    """Return a flat list of all non-list values in the nested list items, in reading order."""
    flat = []
    for item in items:
        if isinstance(item, list):
            flat.extend(flatten(item))
        else:
            flat.append(item)
    return flat
