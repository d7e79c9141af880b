import difflib
import typing
from dataclasses import MISSING, fields

HANDLES = ("raise", "return_none", "return_value")
SIMPLE = (str, int, float, bool, list, dict)


def matches(value, expected):
    """True if value fits the expected simple type, with Python's bool/int quirk handled."""
    if isinstance(value, bool) and expected is not bool:
        return False
    if expected is float:
        return isinstance(value, (int, float))
    return isinstance(value, expected)


def type_name(tp):
    if typing.get_origin(tp) is list:
        return f"list[{typing.get_args(tp)[0].__name__}]"
    return tp.__name__


def check_value(name, value, tp):
    """Return a problem message, or None if value fits tp."""
    if typing.get_origin(tp) is list:
        (item_type,) = typing.get_args(tp)
        if isinstance(value, list) and all(matches(item, item_type) for item in value):
            return None
        return f"{name!r} should be {type_name(tp)}"
    if matches(value, tp):
        return None
    return f"{name!r} should be {type_name(tp)}, got {type(value).__name__}"


def validate(data, cls, handle="raise", fuzzy=True):
    """Match data's keys to cls's fields, check types, and build cls or handle the failure."""
    if handle not in HANDLES:
        raise ValueError(f"handle must be one of {HANDLES}")
    field_list = fields(cls)
    names = [f.name for f in field_list]
    hints = typing.get_type_hints(cls)

    values, problems = {}, []
    for key, value in data.items():
        if key in names:
            values[key] = value
            continue
        close = difflib.get_close_matches(key.lower(), names, n=1, cutoff=0.8) if fuzzy else []
        if close:
            values[close[0]] = value
        else:
            problems.append(f"unexpected field {key!r}")

    for f in field_list:
        if f.name not in values:
            if f.default is MISSING and f.default_factory is MISSING:
                problems.append(f"missing field {f.name!r}")
            continue
        problem = check_value(f.name, values[f.name], hints[f.name])
        if problem:
            problems.append(problem)

    if not problems:
        return cls(**values)
    if handle == "raise":
        raise ValueError("; ".join(problems))
    if handle == "return_none":
        return None
    return values
