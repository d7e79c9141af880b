import unittest
from dataclasses import dataclass, field

from solution import validate


@dataclass
class Summary:
    title: str
    points: list[str]
    confidence: float = 0.5


@dataclass
class Verdict:
    score: int
    passed: bool
    notes: list = field(default_factory=list)


class ValidateTests(unittest.TestCase):
    def test_valid_data_builds_instance_with_defaults(self):
        result = validate({"title": "Tides", "points": ["Moon", "Sun"]}, Summary)
        self.assertEqual(result, Summary("Tides", ["Moon", "Sun"], 0.5))
        result = validate({"score": 7, "passed": True}, Verdict)
        self.assertEqual(result.notes, [], "default_factory fields may be left out")

    def test_fuzzy_keys_are_matched(self):
        result = validate({"Title": "Tides", "pionts": ["Moon"], "confidense": 1}, Summary)
        self.assertEqual(result, Summary("Tides", ["Moon"], 1),
                         "near-miss keys should be renamed, and an int is fine for a float")

    def test_fuzzy_off_reports_near_misses(self):
        with self.assertRaises(ValueError) as caught:
            validate({"Title": "Tides", "points": []}, Summary, fuzzy=False)
        self.assertEqual(str(caught.exception), "unexpected field 'Title'; missing field 'title'")

    def test_all_problems_reported_in_order(self):
        data = {"mood": "happy", "title": 3, "points": ["a", 2], "confidence": "high"}
        with self.assertRaises(ValueError) as caught:
            validate(data, Summary)
        self.assertEqual(
            str(caught.exception),
            "unexpected field 'mood'; 'title' should be str, got int; "
            "'points' should be list[str]; 'confidence' should be float, got str",
        )

    def test_bool_is_not_a_number(self):
        with self.assertRaises(ValueError) as caught:
            validate({"score": True, "passed": 1}, Verdict)
        self.assertEqual(str(caught.exception),
                         "'score' should be int, got bool; 'passed' should be bool, got int")

    def test_return_none_and_return_value(self):
        bad = {"titel": "Tides", "extra": 1}
        self.assertIsNone(validate(bad, Summary, handle="return_none"))
        self.assertEqual(validate(bad, Summary, handle="return_value"), {"title": "Tides"},
                         "return_value gives the matched data without unexpected keys")

    def test_unknown_handle_is_rejected(self):
        with self.assertRaises(ValueError):
            validate({"title": "x", "points": []}, Summary, handle="ignore")


if __name__ == "__main__":
    unittest.main()
