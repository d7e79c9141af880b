def restock(stock: dict[str, int], item: str, amount: int = 1) -> dict[str, int]:
    """Return a new dict with `amount` more of `item`; the input is left unchanged."""
    if amount < 1:
        raise ValueError(f"amount must be at least 1, got {amount}")
    updated = dict(stock)
    updated[item] = updated.get(item, 0) + amount
    return updated
