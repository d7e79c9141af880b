class Rollback:
    """Context manager: undo changes to a dict when the with block raises."""

    def __init__(self, data):
        self.data = data
        self.rolled_back = False

    def __enter__(self):
        self.snapshot = dict(self.data)
        self.rolled_back = False
        return self.data

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is not None:
            self.data.clear()
            self.data.update(self.snapshot)
            self.rolled_back = True
        return False
