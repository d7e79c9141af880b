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

SECTION_STARTS = ("args", "arguments", "parameters", "params")


def parse_docstring(doc):
    """Return (description, {param: description}) from a Google-style docstring."""
    if not doc:
        return None, {}
    lines = doc.split("\n")
    description = lines[0].strip()
    params = {}

    start = None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip().lower().rstrip(":") in SECTION_STARTS:
            start = index + 1
            break
    if start is None:
        return description, params

    current = None
    for line in lines[start:]:
        if not line.strip():
            continue
        if not line.startswith(" "):
            break
        if ":" in line:
            name, text = line.split(":", 1)
            current = name.split("(")[0].strip()
            params[current] = text.strip()
        elif current is not None:
            params[current] += " " + line.strip()
    return description, params


def json_type(annotation):
    """Map a parameter annotation to a JSON Schema type name."""
    if annotation is inspect.Parameter.empty:
        return "string"
    name = annotation.__name__
    return JSON_TYPES.get(name, name)


def function_to_schema(func):
    """Return the OpenAI-style tool schema for func, the way lionagi builds it."""
    description, param_docs = parse_docstring(inspect.getdoc(func))
    properties = {}
    required = []
    for name, param in inspect.signature(func).parameters.items():
        properties[name] = {
            "type": json_type(param.annotation),
            "description": param_docs.get(name),
        }
        required.append(name)
    return {
        "type": "function",
        "function": {
            "name": func.__name__,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": required,
            },
        },
    }
