class History:
    """A conversation history: system message first, then the rest in order."""

    def __init__(self, system=None):
        self._system = system
        self._others = []

    def set_system(self, text):
        """Set or replace the system message."""
        self._system = text

    def add_instruction(self, text):
        """Add a user message; reject empty text with ValueError."""
        if not text or not text.strip():
            raise ValueError("an instruction needs some text")
        self._others.append({"role": "user", "content": text})

    def add_response(self, text):
        """Add an assistant message."""
        self._others.append({"role": "assistant", "content": text})

    @property
    def messages(self):
        """A new list: the system message (if any) first, then the others."""
        result = []
        if self._system is not None:
            result.append({"role": "system", "content": self._system})
        result.extend(dict(message) for message in self._others)
        return result

    @property
    def last_response(self):
        """The content of the newest assistant message, or None."""
        for message in reversed(self._others):
            if message["role"] == "assistant":
                return message["content"]
        return None

    def clear(self):
        """Remove everything except the system message."""
        self._others = []

    def __len__(self):
        return len(self._others) + (1 if self._system is not None else 0)
