import math


def boxes_needed(items, per_box):
    """Return how many boxes of size per_box are needed to hold items (partly full boxes count)."""
    return math.ceil(items / per_box)
