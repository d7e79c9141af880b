import json
import re


def extract_json(reply):
    """Return the JSON value found in a model reply, or raise ValueError."""
    return json.loads(reply)
