import itertools


def parse_log(lines):
    """Yield (time, level, message) for every event line."""
    raise NotImplementedError("skip blank lines and comments, split the rest")


def first_errors(lines, n):
    """Return the messages of the first n ERROR events, reading no more than needed."""
    raise NotImplementedError("filter parse_log(lines) lazily, then take n")


def longest_error_streak(lines):
    """Return the length of the longest run of consecutive ERROR events."""
    raise NotImplementedError("itertools.groupby groups consecutive events")
