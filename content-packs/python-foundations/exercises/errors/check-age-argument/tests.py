import unittest

from solution import check_age


class CheckAgeTests(unittest.TestCase):
    def test_valid_ages_are_returned(self):
        for age in (0, 1, 42, 150):
            self.assertEqual(check_age(age), age, f"{age} is a valid age and should be returned unchanged")

    def test_negative_age_raises_value_error(self):
        with self.assertRaises(ValueError, msg="-1 is an int but not a valid age"):
            check_age(-1)

    def test_age_above_150_raises_value_error(self):
        with self.assertRaises(ValueError, msg="151 is above the limit of 150"):
            check_age(151)

    def test_non_int_raises_type_error(self):
        for value in ("42", 42.0, None, [42]):
            with self.assertRaises(TypeError, msg=f"{value!r} is not an int"):
                check_age(value)

    def test_booleans_are_rejected(self):
        for value in (True, False):
            with self.assertRaises(TypeError, msg=f"{value!r} is a bool, not an age"):
                check_age(value)

    def test_messages_show_the_received_value(self):
        with self.assertRaises(ValueError) as caught:
            check_age(200)
        self.assertIn("200", str(caught.exception), "the ValueError message should show the bad value")
        with self.assertRaises(TypeError) as caught:
            check_age("42")
        self.assertIn("'42'", str(caught.exception), "the TypeError message should show repr(value), quotes included")


if __name__ == "__main__":
    unittest.main()
