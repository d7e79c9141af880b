import unittest

from solution import flatten


class FlattenTests(unittest.TestCase):
    def test_already_flat(self):
        self.assertEqual(flatten([1, 2, 3]), [1, 2, 3], "a flat list stays the same")

    def test_one_level_of_nesting(self):
        self.assertEqual(flatten([1, [2, 3], 4]), [1, 2, 3, 4])

    def test_deep_nesting_keeps_order(self):
        self.assertEqual(flatten([1, [2, [3, [4, [5]]]], 6]), [1, 2, 3, 4, 5, 6],
                         "values come out in left-to-right reading order at every depth")

    def test_empty_lists_disappear(self):
        self.assertEqual(flatten([[], [[]], [[], [7]]]), [7], "empty lists contribute no values")
        self.assertEqual(flatten([]), [], "flattening an empty list gives an empty list")

    def test_strings_are_kept_whole(self):
        self.assertEqual(flatten(["ab", ["cd", ["ef"]]]), ["ab", "cd", "ef"],
                         "strings are values; do not split them into characters")

    def test_input_is_not_changed(self):
        nested = [1, [2, [3]]]
        flatten(nested)
        self.assertEqual(nested, [1, [2, [3]]], "flatten must not modify its argument")


if __name__ == "__main__":
    unittest.main()
