import unittest

from solution import ways_to_pay


class WaysToPayTests(unittest.TestCase):
    def test_small_example(self):
        self.assertEqual(ways_to_pay(4, [1, 2, 3]), 4, "1+1+1+1, 1+1+2, 2+2 and 1+3")

    def test_order_of_coins_does_not_matter(self):
        self.assertEqual(ways_to_pay(4, [3, 1, 2]), 4, "the order of the coin list must not change the count")

    def test_zero_amount_has_one_way(self):
        self.assertEqual(ways_to_pay(0, [5, 10]), 1, "paying 0 can be done in exactly one way: no coins")

    def test_impossible_amount(self):
        self.assertEqual(ways_to_pay(3, [2]), 0, "3 cannot be paid with coins of 2")

    def test_no_coins(self):
        self.assertEqual(ways_to_pay(5, []), 0, "without coins no positive amount can be paid")

    def test_negative_amount(self):
        self.assertEqual(ways_to_pay(-1, [1]), 0, "a negative amount cannot be paid")

    def test_one_dollar_in_us_coins(self):
        self.assertEqual(ways_to_pay(100, [1, 5, 10, 25, 50]), 292, "the classic answer is 292")


if __name__ == "__main__":
    unittest.main()
