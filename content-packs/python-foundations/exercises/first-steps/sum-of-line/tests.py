import unittest

from solution import sum_of_line


class SumOfLineTests(unittest.TestCase):
    def test_two_numbers(self):
        self.assertEqual(sum_of_line("12 30"), 42, "'12 30' should give 42, not '1230'")

    def test_result_is_an_int(self):
        self.assertIsInstance(sum_of_line("1 2"), int, "convert the parts with int() before adding")

    def test_extra_spaces_are_ignored(self):
        self.assertEqual(sum_of_line("  7     8  "), 15, "spaces around and between the numbers should not matter")

    def test_negative_numbers(self):
        self.assertEqual(sum_of_line("-5 8"), 3, "-5 + 8 is 3")

    def test_zeros(self):
        self.assertEqual(sum_of_line("0 0"), 0, "0 + 0 is 0")

    def test_large_numbers(self):
        self.assertEqual(sum_of_line("123456789 987654321"), 1111111110, "large numbers add exactly")


if __name__ == "__main__":
    unittest.main()
