import unittest

from solution import digit_count


class DigitCountTests(unittest.TestCase):
    def test_five_digits(self):
        self.assertEqual(digit_count(90210), 5)

    def test_single_digit(self):
        self.assertEqual(digit_count(7), 1, "a number below 10 has one digit")

    def test_zero_has_one_digit(self):
        self.assertEqual(digit_count(0), 1, "0 is written with one digit")

    def test_powers_of_ten(self):
        self.assertEqual(digit_count(10), 2, "10 has two digits")
        self.assertEqual(digit_count(1000), 4, "1000 has four digits")

    def test_just_below_a_power_of_ten(self):
        self.assertEqual(digit_count(999), 3, "999 has three digits")

    def test_very_large_number(self):
        self.assertEqual(digit_count(2 ** 100), 31, "2 ** 100 has 31 digits")


if __name__ == "__main__":
    unittest.main()
