import unittest

from solution import build_index, search

DOCS = {"d1": "red fish", "d2": "Blue fish", "d3": "red RED"}


class BuildIndexTests(unittest.TestCase):
    def test_example_from_the_prompt(self):
        self.assertEqual(
            build_index(DOCS),
            {"red": ["d1", "d3"], "fish": ["d1", "d2"], "blue": ["d2"]},
        )

    def test_repeated_word_lists_document_once(self):
        self.assertEqual(build_index({"a": "go go go"}), {"go": ["a"]},
                         "a document id should appear only once per word")

    def test_ids_are_sorted(self):
        index = build_index({"z": "hi", "b": "hi", "m": "hi"})
        self.assertEqual(index["hi"], ["b", "m", "z"], "the ids for each word should be sorted")

    def test_no_documents(self):
        self.assertEqual(build_index({}), {})


class SearchTests(unittest.TestCase):
    def setUp(self):
        self.index = build_index(DOCS)

    def test_all_words_must_match(self):
        self.assertEqual(search(self.index, ["fish", "RED"]), ["d1"],
                         "only documents containing every word should be returned")

    def test_single_word(self):
        self.assertEqual(search(self.index, ["fish"]), ["d1", "d2"])

    def test_unknown_word_matches_nothing(self):
        self.assertEqual(search(self.index, ["green"]), [])
        self.assertEqual(search(self.index, ["red", "green"]), [])

    def test_empty_word_list(self):
        self.assertEqual(search(self.index, []), [])


if __name__ == "__main__":
    unittest.main()
