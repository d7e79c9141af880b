import unittest

from solution import split_bill


class SplitBillTests(unittest.TestCase):
    def test_uneven_bill_leaves_cents_over(self):
        self.assertEqual(split_bill(1000, 3), (333, 1), "1000 cents for 3 people: 333 each, 1 left over")

    def test_even_bill_leaves_nothing(self):
        self.assertEqual(split_bill(4500, 5), (900, 0), "4500 cents for 5 people: 900 each, 0 left over")

    def test_one_person_pays_everything(self):
        self.assertEqual(split_bill(1234, 1), (1234, 0), "a single person pays the whole bill")

    def test_more_people_than_cents(self):
        self.assertEqual(split_bill(3, 4), (0, 3), "with 3 cents and 4 people nobody can pay a whole cent")

    def test_results_are_whole_numbers(self):
        share, left_over = split_bill(999, 4)
        self.assertIsInstance(share, int, "the share should be an int, not a float")
        self.assertIsInstance(left_over, int, "the left-over cents should be an int")
        self.assertEqual(share * 4 + left_over, 999, "shares plus left-over must add up to the bill")


if __name__ == "__main__":
    unittest.main()
