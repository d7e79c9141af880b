def temperature_report(text):
    """Return "<C> C is <F> F" for the Celsius temperature typed in text, one decimal each."""
    celsius = float(text)
    fahrenheit = celsius * 9 / 5 + 32
    return f"{celsius:.1f} C is {fahrenheit:.1f} F"
