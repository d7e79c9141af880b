def call_with_retries(action, attempts):
    """Call action() up to `attempts` times, retrying only on ConnectionError."""
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except ConnectionError:
            if attempt == attempts:
                raise
