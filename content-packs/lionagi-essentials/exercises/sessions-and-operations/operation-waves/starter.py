def plan_waves(operations, max_concurrent=None):
    """Return the waves in which the operations could run, given their dependencies."""
    return [sorted(operations)]
