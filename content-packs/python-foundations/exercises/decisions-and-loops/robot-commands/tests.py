import unittest

from solution import final_position


class FinalPositionTests(unittest.TestCase):
    def test_moves_in_all_directions(self):
        self.assertEqual(final_position(["up 3", "right 2", "down 1", "left 5"]), (-3, 2))

    def test_no_commands_stays_at_origin(self):
        self.assertEqual(final_position([]), (0, 0), "with no commands the robot stays at (0, 0)")

    def test_jump_and_relative_move(self):
        self.assertEqual(final_position(["jump 5 -4", "left 1"]), (4, -4),
                         "jump sets the position, then left 1 moves from there")

    def test_home_resets_position(self):
        self.assertEqual(final_position(["up 7", "right 7", "home", "down 2"]), (0, -2),
                         "home goes back to (0, 0) before the last move")

    def test_unknown_and_malformed_commands_are_ignored(self):
        commands = ["fly", "up", "home 3", "jump 1", "right 4", ""]
        self.assertEqual(final_position(commands), (4, 0),
                         "only 'right 4' is a valid command here")

    def test_extra_spaces_and_negative_steps(self):
        self.assertEqual(final_position(["  up   -2 ", "right -3"]), (-3, -2),
                         "extra spaces are ignored and negative steps move the other way")


if __name__ == "__main__":
    unittest.main()
