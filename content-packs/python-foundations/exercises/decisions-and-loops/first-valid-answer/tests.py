import unittest

from solution import first_valid_answer


class FirstValidAnswerTests(unittest.TestCase):
    def test_skips_invalid_answers(self):
        self.assertEqual(first_valid_answer(["", "abc", " 7 ", "9"]), (7, 3),
                         "the third answer ' 7 ' is the first valid one")

    def test_first_answer_valid(self):
        self.assertEqual(first_valid_answer(["42"]), (42, 1), "a valid first answer needs one try")

    def test_number_is_an_int(self):
        number, _ = first_valid_answer(["x", "12"])
        self.assertIsInstance(number, int, "the valid answer should be converted with int()")

    def test_signs_and_decimals_are_not_whole_numbers(self):
        self.assertEqual(first_valid_answer(["-3", "2.5", "0"]), (0, 3),
                         "'-3' and '2.5' are rejected; '0' is a valid whole number")

    def test_no_valid_answer(self):
        self.assertEqual(first_valid_answer(["no", "never"]), (None, 2),
                         "when nothing is valid, return None and the number of answers read")

    def test_no_answers_at_all(self):
        self.assertEqual(first_valid_answer([]), (None, 0), "an empty list gives (None, 0)")


if __name__ == "__main__":
    unittest.main()
