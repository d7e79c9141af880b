import unittest

from solution import extract_json

FENCE = "`" * 3


class ExtractJsonTests(unittest.TestCase):
    def test_plain_json(self):
        self.assertEqual(extract_json('{"a": 1}'), {"a": 1})
        self.assertEqual(extract_json("  [1, 2, 3]\n"), [1, 2, 3], "a whole-reply array is fine too")

    def test_prose_around_object(self):
        self.assertEqual(extract_json('Sure! Here it is: {"title": "Tides", "n": 2} Enjoy.'),
                         {"title": "Tides", "n": 2})

    def test_fenced_block_with_language(self):
        reply = f"Result:\n{FENCE}json\n{{\"ok\": true}}\n{FENCE}\nDone."
        self.assertEqual(extract_json(reply), {"ok": True})

    def test_fenced_block_without_language(self):
        reply = f"{FENCE}\n{{\"n\": null}}\n{FENCE}"
        self.assertEqual(extract_json(reply), {"n": None})

    def test_first_parsable_fence_wins(self):
        reply = (f"Draft:\n{FENCE}json\n{{not json}}\n{FENCE}\n"
                 f"Final:\n{FENCE}json\n{{\"version\": 2}}\n{FENCE}")
        self.assertEqual(extract_json(reply), {"version": 2},
                         "a fence that does not parse is skipped, the next one is tried")

    def test_trailing_commas_are_repaired(self):
        self.assertEqual(extract_json('{"tags": ["x", "y",],}'), {"tags": ["x", "y"]})
        self.assertEqual(extract_json('Answer: {"a": 1 ,\n}'), {"a": 1})

    def test_nothing_found(self):
        for reply in ["I cannot help with that.", "{broken", ""]:
            with self.subTest(reply=reply):
                with self.assertRaises(ValueError) as caught:
                    extract_json(reply)
                self.assertEqual(str(caught.exception), "no JSON found in reply")


if __name__ == "__main__":
    unittest.main()
