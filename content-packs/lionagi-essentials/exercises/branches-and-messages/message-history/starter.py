class History:
    """A conversation history: system message first, then the rest in order."""

    def __init__(self, system=None):
        self._system = system
        self._others = []

    def set_system(self, text):
        """Set or replace the system message."""
        raise NotImplementedError

    def add_instruction(self, text):
        """Add a user message; reject empty text with ValueError."""
        raise NotImplementedError

    def add_response(self, text):
        """Add an assistant message."""
        raise NotImplementedError

    @property
    def messages(self):
        """A new list: the system message (if any) first, then the others."""
        raise NotImplementedError

    @property
    def last_response(self):
        """The content of the newest assistant message, or None."""
        raise NotImplementedError

    def clear(self):
        """Remove everything except the system message."""
        raise NotImplementedError

    def __len__(self):
        raise NotImplementedError
