import itertools


def parse_log(lines):
    """Yield (time, level, message) for every event line."""
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(maxsplit=2)
        if len(parts) < 3:
            continue
        time, level, message = parts
        yield time, level.upper(), message


def first_errors(lines, n):
    """Return the messages of the first n ERROR events, reading no more than needed."""
    messages = (message for _, level, message in parse_log(lines) if level == "ERROR")
    return list(itertools.islice(messages, n))


def longest_error_streak(lines):
    """Return the length of the longest run of consecutive ERROR events."""
    levels = (level for _, level, _ in parse_log(lines))
    streaks = (len(list(run)) for level, run in itertools.groupby(levels) if level == "ERROR")
    return max(streaks, default=0)
