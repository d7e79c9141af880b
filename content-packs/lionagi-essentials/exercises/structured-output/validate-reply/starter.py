import difflib
import typing
from dataclasses import MISSING, fields


def validate(data, cls, handle="raise", fuzzy=True):
    """Match data's keys to cls's fields, check types, and build cls or handle the failure."""
    return cls(**data)
