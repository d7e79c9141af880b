import unittest

from solution import running_totals


class RunningTotalsTests(unittest.TestCase):
    def test_example_from_the_prompt(self):
        self.assertEqual(running_totals([3, 1, 4, 1, 5]), [3, 4, 8, 9, 14])

    def test_empty_list_gives_empty_list(self):
        self.assertEqual(running_totals([]), [], "no numbers means no totals")

    def test_single_number(self):
        self.assertEqual(running_totals([7]), [7])

    def test_negative_numbers_and_floats(self):
        self.assertEqual(running_totals([2, -5, 0.5]), [2, -3, -2.5])

    def test_input_list_is_not_changed(self):
        numbers = [1, 2, 3]
        result = running_totals(numbers)
        self.assertEqual(numbers, [1, 2, 3], "the original list must stay as it was")
        self.assertIsNot(result, numbers, "return a new list, not the one you were given")


if __name__ == "__main__":
    unittest.main()
