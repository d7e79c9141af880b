import itertools


def encode(text):
    """Return the runs of text as a list of (character, count) tuples."""
    return [(char, text.count(char)) for char in sorted(set(text))]


def decode(pairs):
    """Rebuild the text from (character, count) pairs."""
    return "".join(char for char, count in pairs)
