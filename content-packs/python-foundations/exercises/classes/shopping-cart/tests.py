import unittest

from solution import Cart


class CartTests(unittest.TestCase):
    def test_new_cart_is_empty(self):
        cart = Cart()
        self.assertEqual(cart.item_count(), 0)
        self.assertEqual(cart.total(), 0)
        self.assertEqual(cart.quantity("apple"), 0, "an item never added has quantity 0")

    def test_example_from_the_prompt(self):
        cart = Cart()
        cart.add("apple", 0.5, 4)
        cart.add("bread", 2.25)
        cart.remove("apple")
        self.assertEqual(cart.quantity("apple"), 3)
        self.assertEqual(cart.item_count(), 4)
        self.assertEqual(cart.total(), 3.75)

    def test_adding_again_adds_quantity_and_updates_price(self):
        cart = Cart()
        cart.add("tea", 3.0, 2)
        cart.add("tea", 2.5)
        self.assertEqual(cart.quantity("tea"), 3, "quantities of the same item add up")
        self.assertEqual(cart.total(), 7.5, "the newest price applies to every unit")

    def test_removing_all_drops_the_item(self):
        cart = Cart()
        cart.add("milk", 1.2, 2)
        cart.remove("milk", 5)
        self.assertEqual(cart.quantity("milk"), 0)
        self.assertEqual(cart.total(), 0)

    def test_removing_missing_item_does_nothing(self):
        cart = Cart()
        cart.add("egg", 0.3, 6)
        cart.remove("bacon")
        self.assertEqual(cart.item_count(), 6)

    def test_total_is_rounded(self):
        cart = Cart()
        cart.add("sweet", 0.1, 3)
        self.assertEqual(cart.total(), 0.3, "round the total to 2 decimal places")

    def test_carts_do_not_share_items(self):
        first = Cart()
        second = Cart()
        first.add("apple", 1.0)
        self.assertEqual(second.item_count(), 0,
                         "each cart needs its own storage, created in __init__")


if __name__ == "__main__":
    unittest.main()
