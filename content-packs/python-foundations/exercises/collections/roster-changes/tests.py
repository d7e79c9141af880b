import unittest

from solution import roster_changes


class RosterChangesTests(unittest.TestCase):
    def test_example_from_the_prompt(self):
        self.assertEqual(
            roster_changes(["Ada", "Alan", "Grace"], ["Grace", "Linus", "Ada", "Linus"]),
            {"joined": ["Linus"], "left": ["Alan"], "stayed": ["Ada", "Grace"]},
        )

    def test_lists_are_sorted(self):
        result = roster_changes([], ["Zoe", "Amy", "Mia"])
        self.assertEqual(result["joined"], ["Amy", "Mia", "Zoe"], "each list should be sorted")

    def test_duplicates_are_removed(self):
        result = roster_changes(["Ada", "Ada"], ["Ada", "Ada", "Bob", "Bob"])
        self.assertEqual(result["stayed"], ["Ada"], "a name should appear only once")
        self.assertEqual(result["joined"], ["Bob"], "a name should appear only once")

    def test_no_change(self):
        self.assertEqual(
            roster_changes(["Ada", "Bob"], ["Bob", "Ada"]),
            {"joined": [], "left": [], "stayed": ["Ada", "Bob"]},
        )

    def test_everyone_left(self):
        self.assertEqual(
            roster_changes(["Ada", "Bob"], []),
            {"joined": [], "left": ["Ada", "Bob"], "stayed": []},
        )

    def test_both_empty(self):
        self.assertEqual(roster_changes([], []), {"joined": [], "left": [], "stayed": []})


if __name__ == "__main__":
    unittest.main()
