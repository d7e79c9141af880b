import inspect


class ToolRegistry:
    """Registered tools keyed by function name, answering action requests."""

    def __init__(self):
        self._tools = {}

    def register(self, func, update=False):
        if not callable(func):
            raise TypeError("Must provide a callable function.")
        name = func.__name__
        if name in self._tools and not update:
            raise ValueError(f"Tool {name} is already registered.")
        self._tools[name] = func

    def __contains__(self, tool):
        name = tool if isinstance(tool, str) else getattr(tool, "__name__", None)
        return name in self._tools

    def names(self):
        return list(self._tools)

    def invoke(self, request):
        """Run one {"function": ..., "arguments": {...}} request and return its response."""
        if not isinstance(request, dict) or not {"function", "arguments"} <= request.keys():
            raise ValueError("action request must have 'function' and 'arguments'")
        name, arguments = request["function"], request["arguments"]
        func = self._tools.get(name)
        if func is None:
            raise ValueError(f"Function {name} is not registered.")

        parameters = inspect.signature(func).parameters
        unexpected = sorted(set(arguments) - set(parameters))
        if unexpected:
            raise TypeError("unexpected arguments: " + ", ".join(unexpected))
        missing = sorted(
            p.name
            for p in parameters.values()
            if p.default is inspect.Parameter.empty and p.name not in arguments
        )
        if missing:
            raise TypeError("missing arguments: " + ", ".join(missing))

        return {"function": name, "arguments": arguments, "output": func(**arguments)}

    def invoke_all(self, requests, suppress_errors=True):
        """Run requests in order; failed ones become error outputs unless suppress_errors is False."""
        responses = []
        for request in requests:
            try:
                responses.append(self.invoke(request))
            except Exception as error:
                if not suppress_errors:
                    raise
                name = request.get("function") if isinstance(request, dict) else None
                arguments = request.get("arguments") if isinstance(request, dict) else None
                responses.append({
                    "function": name,
                    "arguments": arguments,
                    "output": {
                        "error": str(error),
                        "message": f"Error invoking action '{name}': {error}",
                    },
                })
        return responses
