PUNCTUATION = ".,!?;:"


def word_counts(text):
    """Map each lowercase word of text (punctuation stripped) to its count."""
    counts = {}
    for raw in text.split():
        word = raw.strip(PUNCTUATION).lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts


def most_common(text):
    """Return the most frequent word (first one on ties), or None if there are no words."""
    counts = word_counts(text)
    if not counts:
        return None
    # Dictionaries keep insertion order and max returns the first of equal items.
    return max(counts, key=counts.get)
