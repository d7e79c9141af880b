def final_position(commands):
    """Return the robot's (x, y) after following commands, starting from (0, 0)."""
    x, y = 0, 0
    for command in commands:
        match command.split():
            case _:
                pass
    return x, y
