def restock(stock, item, amount=1):
    """Return a new dict with `amount` more of `item`. Add the type hints!"""
    raise NotImplementedError
