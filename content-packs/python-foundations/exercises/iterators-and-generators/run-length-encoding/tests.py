import unittest

from solution import decode, encode


class EncodeTests(unittest.TestCase):
    def test_runs_are_counted(self):
        self.assertEqual(encode("aaabccdddd"), [("a", 3), ("b", 1), ("c", 2), ("d", 4)])

    def test_empty_text(self):
        self.assertEqual(encode(""), [], "an empty string has no runs")

    def test_only_neighbours_form_a_run(self):
        self.assertEqual(encode("abab"), [("a", 1), ("b", 1), ("a", 1), ("b", 1)],
                         "equal characters that are not next to each other are separate runs")

    def test_spaces_and_case_are_characters_too(self):
        self.assertEqual(encode("AAa  "), [("A", 2), ("a", 1), (" ", 2)])


class DecodeTests(unittest.TestCase):
    def test_pairs_are_expanded(self):
        self.assertEqual(decode([("x", 2), ("y", 1), ("x", 3)]), "xxyxxx")

    def test_zero_count_adds_nothing(self):
        self.assertEqual(decode([("a", 1), ("b", 0), ("c", 2)]), "acc")

    def test_accepts_a_generator(self):
        pairs = ((char, 2) for char in "ok")
        self.assertEqual(decode(pairs), "ookk", "decode should work with any iterable of pairs")

    def test_round_trip(self):
        for text in ["", "a", "mississippi", "zzzzzzzzzz", "hello  world"]:
            self.assertEqual(decode(encode(text)), text, f"decode(encode({text!r})) should give the text back")


if __name__ == "__main__":
    unittest.main()
