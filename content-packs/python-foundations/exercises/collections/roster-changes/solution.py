def roster_changes(before, after):
    """Return {"joined": [...], "left": [...], "stayed": [...]}, each list sorted."""
    old = set(before)
    new = set(after)
    return {
        "joined": sorted(new - old),
        "left": sorted(old - new),
        "stayed": sorted(old & new),
    }
