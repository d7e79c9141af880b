def word_counts(text):
    """Map each lowercase word of text (punctuation stripped) to its count."""
    raise NotImplementedError


def most_common(text):
    """Return the most frequent word (first one on ties), or None if there are no words."""
    raise NotImplementedError
