class Cart:
    """A shopping cart: item names with a price and a quantity each."""

    def __init__(self):
        self.prices = {}
        self.quantities = {}

    def add(self, name, price, quantity=1):
        """Add quantity of name at price each (the new price replaces any old one)."""
        self.prices[name] = price
        self.quantities[name] = self.quantities.get(name, 0) + quantity

    def remove(self, name, quantity=1):
        """Take away quantity of name; drop the item when none are left."""
        if name not in self.quantities:
            return
        left = self.quantities[name] - quantity
        if left > 0:
            self.quantities[name] = left
        else:
            del self.quantities[name]
            del self.prices[name]

    def quantity(self, name):
        """How many of name are in the cart (0 if none)."""
        return self.quantities.get(name, 0)

    def item_count(self):
        """Total number of items, counting quantities."""
        return sum(self.quantities.values())

    def total(self):
        """Total price, rounded to 2 decimal places."""
        return round(sum(self.prices[name] * qty for name, qty in self.quantities.items()), 2)
