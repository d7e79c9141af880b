def leaderboard(players):
    """Return players sorted by points (highest first), then by name ignoring case."""
    return sorted(players, key=lambda player: (-player[1], player[0].lower()))
