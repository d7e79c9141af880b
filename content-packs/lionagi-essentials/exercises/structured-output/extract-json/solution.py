import json
import re

FENCE = re.compile(r"```(?:json)?[ \t]*\n?(.*?)```", re.S)
TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _loads(text):
    """Parse text as JSON, retrying once without trailing commas. Raises ValueError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(TRAILING_COMMA.sub(r"\1", text))


def candidates(reply):
    """Yield the pieces of the reply that might be JSON, best guess first."""
    yield reply.strip()
    for block in FENCE.findall(reply):
        yield block.strip()
    start, end = reply.find("{"), reply.rfind("}")
    if start != -1 and end > start:
        yield reply[start:end + 1]


def extract_json(reply):
    """Return the JSON value found in a model reply, or raise ValueError."""
    for text in candidates(reply):
        try:
            return _loads(text)
        except json.JSONDecodeError:
            continue
    raise ValueError("no JSON found in reply")
