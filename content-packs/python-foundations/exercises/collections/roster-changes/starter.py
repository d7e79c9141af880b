def roster_changes(before, after):
    """Return {"joined": [...], "left": [...], "stayed": [...]}, each list sorted."""
    return {"joined": after, "left": before, "stayed": []}
