def final_position(commands):
    """Return the robot's (x, y) after following commands, starting from (0, 0)."""
    x, y = 0, 0
    for command in commands:
        match command.split():
            case ["up", steps]:
                y += int(steps)
            case ["down", steps]:
                y -= int(steps)
            case ["left", steps]:
                x -= int(steps)
            case ["right", steps]:
                x += int(steps)
            case ["home"]:
                x, y = 0, 0
            case ["jump", new_x, new_y]:
                x, y = int(new_x), int(new_y)
            case _:
                pass  # unknown or malformed command: ignore it
    return x, y
