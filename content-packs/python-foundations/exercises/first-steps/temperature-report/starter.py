def temperature_report(text):
    """Return "<C> C is <F> F" for the Celsius temperature typed in text, one decimal each."""
    return text + " C is ? F"
