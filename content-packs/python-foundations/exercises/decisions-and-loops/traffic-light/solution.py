def next_light(colour):
    """Return the colour that comes after colour, "red" for a broken light, or "unknown"."""
    match colour:
        case "green":
            return "yellow"
        case "yellow":
            return "red"
        case "red":
            return "green"
        case "off" | "flashing":
            return "red"
        case _:
            return "unknown"
