def build_index(documents):
    """Map each lowercase word to a sorted list of the ids of documents containing it."""
    raise NotImplementedError


def search(index, words):
    """Return the sorted ids of documents that contain every word in words."""
    raise NotImplementedError
