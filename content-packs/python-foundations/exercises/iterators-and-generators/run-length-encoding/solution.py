import itertools


def encode(text):
    """Return the runs of text as a list of (character, count) tuples."""
    return [(char, len(list(run))) for char, run in itertools.groupby(text)]


def decode(pairs):
    """Rebuild the text from (character, count) pairs."""
    return "".join(char * count for char, count in pairs)
