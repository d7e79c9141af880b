class Cart:
    """A shopping cart: item names with a price and a quantity each."""

    def __init__(self):
        pass

    def add(self, name, price, quantity=1):
        """Add quantity of name at price each (the new price replaces any old one)."""
        raise NotImplementedError

    def remove(self, name, quantity=1):
        """Take away quantity of name; drop the item when none are left."""
        raise NotImplementedError

    def quantity(self, name):
        """How many of name are in the cart (0 if none)."""
        raise NotImplementedError

    def item_count(self):
        """Total number of items, counting quantities."""
        raise NotImplementedError

    def total(self):
        """Total price, rounded to 2 decimal places."""
        raise NotImplementedError
