def rank(results):
    """Return (position, name, score) tuples, best score first, ties by name."""
    return [(1, name, score) for name, score in results]
