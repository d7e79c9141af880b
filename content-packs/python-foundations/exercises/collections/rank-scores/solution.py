def score_order(pair):
    """Sort key: higher scores first, then names alphabetically."""
    name, score = pair
    return (-score, name)


def rank(results):
    """Return (position, name, score) tuples, best score first, ties by name."""
    ordered = sorted(results, key=score_order)
    ranked = []
    for position, (name, score) in enumerate(ordered, start=1):
        ranked.append((position, name, score))
    return ranked
