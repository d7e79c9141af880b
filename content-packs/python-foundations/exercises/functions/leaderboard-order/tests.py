import unittest

from solution import leaderboard


class LeaderboardTests(unittest.TestCase):
    def test_most_points_first(self):
        players = [("ada", 10), ("bob", 30), ("cy", 20)]
        self.assertEqual(leaderboard(players), [("bob", 30), ("cy", 20), ("ada", 10)])

    def test_ties_sorted_by_name(self):
        players = [("zoe", 5), ("max", 5), ("amy", 5)]
        self.assertEqual(leaderboard(players), [("amy", 5), ("max", 5), ("zoe", 5)],
                         "players with equal points are ordered by name")

    def test_names_compared_without_case(self):
        players = [("ada", 30), ("Bob", 50), ("cy", 30), ("Ben", 30)]
        self.assertEqual(leaderboard(players), [("Bob", 50), ("ada", 30), ("Ben", 30), ("cy", 30)],
                         "'ada' comes before 'Ben' and 'cy' when case is ignored")

    def test_input_list_is_not_changed(self):
        players = [("ada", 1), ("bob", 2)]
        leaderboard(players)
        self.assertEqual(players, [("ada", 1), ("bob", 2)], "leaderboard must return a new list")

    def test_empty_list(self):
        self.assertEqual(leaderboard([]), [], "an empty game has an empty leaderboard")

    def test_negative_points(self):
        players = [("ada", -5), ("bob", 0)]
        self.assertEqual(leaderboard(players), [("bob", 0), ("ada", -5)], "0 points beat -5 points")


if __name__ == "__main__":
    unittest.main()
