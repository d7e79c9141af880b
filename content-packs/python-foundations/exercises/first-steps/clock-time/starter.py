def clock_time(seconds):
    """Return seconds formatted as "H:MM:SS"."""
    return f"0:00:{seconds}"
