import unittest

from solution import most_common, word_counts


class WordCountsTests(unittest.TestCase):
    def test_example_from_the_prompt(self):
        self.assertEqual(
            word_counts("The cat saw the dog. The END!"),
            {"the": 3, "cat": 1, "saw": 1, "dog": 1, "end": 1},
        )

    def test_case_is_ignored(self):
        self.assertEqual(word_counts("Hi hi HI"), {"hi": 3}, "words should be compared in lowercase")

    def test_punctuation_only_tokens_are_not_words(self):
        self.assertEqual(word_counts("wait ... what?!"), {"wait": 1, "what": 1},
                         "a token that is empty after stripping punctuation is skipped")

    def test_empty_text_gives_empty_dict(self):
        self.assertEqual(word_counts("   "), {})


class MostCommonTests(unittest.TestCase):
    def test_clear_winner(self):
        self.assertEqual(most_common("one two two three three three"), "three")

    def test_tie_goes_to_first_word_in_text(self):
        self.assertEqual(most_common("b a b a c"), "b", "on a tie, return the word seen first")

    def test_no_words_returns_none(self):
        self.assertIsNone(most_common(""), "an empty text has no most common word")
        self.assertIsNone(most_common("!! ?"))


if __name__ == "__main__":
    unittest.main()
