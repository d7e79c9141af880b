import inspect

JSON_TYPES = {
    "str": "string",
    "int": "number",
    "float": "number",
    "list": "array",
    "tuple": "array",
    "bool": "boolean",
    "dict": "object",
}


def parse_docstring(doc):
    """Return (description, {param: description}) from a Google-style docstring."""
    raise NotImplementedError


def function_to_schema(func):
    """Return the OpenAI-style tool schema for func, the way lionagi builds it."""
    raise NotImplementedError
