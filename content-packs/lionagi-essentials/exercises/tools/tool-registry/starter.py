import inspect


class ToolRegistry:
    """Registered tools keyed by function name, answering action requests."""

    def __init__(self):
        self._tools = {}

    def register(self, func, update=False):
        raise NotImplementedError

    def __contains__(self, tool):
        raise NotImplementedError

    def names(self):
        raise NotImplementedError

    def invoke(self, request):
        """Run one {"function": ..., "arguments": {...}} request and return its response."""
        raise NotImplementedError

    def invoke_all(self, requests, suppress_errors=True):
        """Run requests in order; failed ones become error outputs unless suppress_errors is False."""
        raise NotImplementedError
