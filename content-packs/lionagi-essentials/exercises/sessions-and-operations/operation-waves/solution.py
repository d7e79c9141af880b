def plan_waves(operations, max_concurrent=None):
    """Return the waves in which the operations could run, given their dependencies."""
    if max_concurrent is not None and max_concurrent < 1:
        raise ValueError("max_concurrent must be at least 1")
    for name, deps in operations.items():
        for dep in deps:
            if dep not in operations:
                raise ValueError(f"{name!r} depends on unknown operation {dep!r}")

    done = set()
    waves = []
    while len(done) < len(operations):
        ready = sorted(
            name
            for name, deps in operations.items()
            if name not in done and all(dep in done for dep in deps)
        )
        if not ready:
            raise ValueError("Graph must be acyclic for flow execution")
        wave = ready if max_concurrent is None else ready[:max_concurrent]
        waves.append(wave)
        done.update(wave)
    return waves
