import unittest
from typing import get_type_hints

from solution import restock


class RestockTests(unittest.TestCase):
    def test_adds_to_an_existing_item(self):
        self.assertEqual(restock({"apple": 3}, "apple", 2), {"apple": 5},
                         "3 apples plus 2 should make 5")

    def test_new_item_starts_from_zero(self):
        self.assertEqual(restock({"apple": 3}, "pear"), {"apple": 3, "pear": 1},
                         "a new item with the default amount should appear with count 1")

    def test_original_dict_is_not_changed(self):
        shelf = {"apple": 3}
        result = restock(shelf, "apple", 4)
        self.assertEqual(shelf, {"apple": 3}, "restock must not modify the dict it was given")
        self.assertIsNot(result, shelf, "restock should return a new dict")

    def test_amount_below_one_raises_value_error(self):
        for bad in (0, -2):
            with self.assertRaises(ValueError, msg=f"amount={bad} should raise ValueError"):
                restock({"apple": 3}, "apple", bad)

    def test_parameters_have_the_requested_hints(self):
        hints = get_type_hints(restock)
        self.assertEqual(hints.get("stock"), dict[str, int], "stock should be hinted dict[str, int]")
        self.assertEqual(hints.get("item"), str, "item should be hinted str")
        self.assertEqual(hints.get("amount"), int, "amount should be hinted int")

    def test_return_hint_is_dict_of_str_to_int(self):
        hints = get_type_hints(restock)
        self.assertEqual(hints.get("return"), dict[str, int],
                         "the return value should be hinted dict[str, int]")


if __name__ == "__main__":
    unittest.main()
