def clock_time(seconds):
    """Return seconds formatted as "H:MM:SS"."""
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}"
