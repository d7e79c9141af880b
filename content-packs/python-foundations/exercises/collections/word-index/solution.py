def build_index(documents):
    """Map each lowercase word to a sorted list of the ids of documents containing it."""
    found = {}
    for doc_id, text in documents.items():
        for word in {w.lower() for w in text.split()}:
            found.setdefault(word, set()).add(doc_id)
    return {word: sorted(ids) for word, ids in found.items()}


def search(index, words):
    """Return the sorted ids of documents that contain every word in words."""
    if not words:
        return []
    first, *others = [set(index.get(word.lower(), [])) for word in words]
    matches = first
    for ids in others:
        matches &= ids
    return sorted(matches)
