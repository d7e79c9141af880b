from collections.abc import Callable, Iterable
from typing import Any


def group_by(items: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """Map each key(item) to the list of items that have it, keeping their order.

    Replace Any with two type variables, T and K.
    """
    raise NotImplementedError
