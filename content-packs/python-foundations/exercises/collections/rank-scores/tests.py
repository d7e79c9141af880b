import unittest

from solution import rank


class RankTests(unittest.TestCase):
    def test_example_from_the_prompt(self):
        self.assertEqual(
            rank([("Grace", 88), ("Alan", 95), ("Ada", 88)]),
            [(1, "Alan", 95), (2, "Ada", 88), (3, "Grace", 88)],
        )

    def test_highest_score_comes_first(self):
        result = rank([("Low", 1), ("High", 100), ("Mid", 50)])
        self.assertEqual([name for _, name, _ in result], ["High", "Mid", "Low"],
                         "sort from the highest score down")

    def test_ties_are_broken_alphabetically(self):
        result = rank([("Zoe", 70), ("Mia", 70), ("Bob", 70)])
        self.assertEqual([name for _, name, _ in result], ["Bob", "Mia", "Zoe"],
                         "equal scores should be in alphabetical order of name")

    def test_positions_count_from_one(self):
        result = rank([("A", 3), ("B", 2), ("C", 1)])
        self.assertEqual([pos for pos, _, _ in result], [1, 2, 3])

    def test_empty_list(self):
        self.assertEqual(rank([]), [])

    def test_input_is_not_changed(self):
        results = [("B", 1), ("A", 2)]
        rank(results)
        self.assertEqual(results, [("B", 1), ("A", 2)], "do not sort the caller's list in place")


if __name__ == "__main__":
    unittest.main()
