import unittest

from solution import boxes_needed


class BoxesNeededTests(unittest.TestCase):
    def test_partly_full_box_counts(self):
        self.assertEqual(boxes_needed(23, 6), 4, "23 eggs in boxes of 6 need 4 boxes (the last one has 5)")

    def test_exact_fit_needs_no_extra_box(self):
        self.assertEqual(boxes_needed(24, 6), 4, "24 eggs fill exactly 4 boxes of 6")

    def test_no_items_need_no_boxes(self):
        self.assertEqual(boxes_needed(0, 6), 0, "0 eggs need 0 boxes")

    def test_single_item_needs_one_box(self):
        self.assertEqual(boxes_needed(1, 12), 1, "even one egg needs a box")

    def test_boxes_of_one(self):
        self.assertEqual(boxes_needed(7, 1), 7, "with one egg per box, 7 eggs need 7 boxes")

    def test_result_is_an_int(self):
        self.assertIsInstance(boxes_needed(10, 3), int, "a number of boxes should be an int, not a float")


if __name__ == "__main__":
    unittest.main()
