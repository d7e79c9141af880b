import unittest

from solution import parse_number


class ParseNumberTests(unittest.TestCase):
    def test_whole_number_becomes_int(self):
        result = parse_number("42")
        self.assertEqual(result, 42)
        self.assertIs(type(result), int, "a whole number should come back as an int, not a float")

    def test_negative_whole_number(self):
        self.assertEqual(parse_number("-7"), -7)

    def test_surrounding_spaces_are_ignored(self):
        self.assertEqual(parse_number("  12 \n"), 12, "spaces and newlines around the number should not matter")

    def test_decimal_becomes_float(self):
        result = parse_number("3.5")
        self.assertEqual(result, 3.5)
        self.assertIs(type(result), float, "'3.5' is not a whole number, so it should be a float")

    def test_exponent_notation_is_a_float(self):
        self.assertEqual(parse_number("1e3"), 1000.0, "float() understands '1e3'; so should parse_number")

    def test_bad_text_returns_default(self):
        self.assertEqual(parse_number("lots", 0), 0, "text that is not a number should give the default")
        self.assertEqual(parse_number("12 apples", -1), -1)

    def test_default_is_none_when_not_given(self):
        self.assertIsNone(parse_number("seven"), "the default of default is None")
        self.assertIsNone(parse_number(""), "an empty string is not a number")
        self.assertIsNone(parse_number("   "), "a blank string is not a number")


if __name__ == "__main__":
    unittest.main()
