def parse_port(text: str) -> int | None:
    """Return the port number in `text`, or None if it is not a valid port."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    port = int(digits)
    if 1 <= port <= 65535:
        return port
    return None


def first_valid_port(candidates: list[str]) -> int | None:
    """Return the first candidate that is a valid port, or None."""
    for candidate in candidates:
        port = parse_port(candidate)
        if port is not None:
            return port
    return None
