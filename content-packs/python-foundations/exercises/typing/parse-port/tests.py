import unittest
from typing import get_type_hints

from solution import first_valid_port, parse_port


class ParsePortTests(unittest.TestCase):
    def test_valid_ports_become_ints(self):
        for text, port in [("80", 80), (" 8080 ", 8080), ("1", 1), ("65535", 65535)]:
            self.assertEqual(parse_port(text), port, f"parse_port({text!r}) should be {port}")

    def test_invalid_text_gives_none(self):
        for text in ["", "   ", "http", "80.5", "-1", "+80", "8 080"]:
            self.assertIsNone(parse_port(text), f"parse_port({text!r}) should be None")

    def test_out_of_range_numbers_give_none(self):
        for text in ["0", "65536", "70000"]:
            self.assertIsNone(parse_port(text), f"{text} is outside 1-65535, expected None")

    def test_first_valid_port_skips_bad_candidates(self):
        self.assertEqual(first_valid_port(["", "abc", "0", "443", "22"]), 443,
                         "the first candidate that parses is '443'")

    def test_first_valid_port_none_when_nothing_parses(self):
        self.assertIsNone(first_valid_port(["x", "99999"]), "no candidate is valid, expected None")
        self.assertIsNone(first_valid_port([]), "an empty list has no valid port, expected None")

    def test_return_hints_are_optional_int(self):
        for func in (parse_port, first_valid_port):
            self.assertEqual(get_type_hints(func).get("return"), int | None,
                             f"{func.__name__} should be hinted to return int | None")


if __name__ == "__main__":
    unittest.main()
