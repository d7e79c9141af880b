def leaderboard(players):
    """Return players sorted by points (highest first), then by name ignoring case."""
    return sorted(players)
