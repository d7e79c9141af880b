import unittest

from solution import next_light


class NextLightTests(unittest.TestCase):
    def test_green_turns_yellow(self):
        self.assertEqual(next_light("green"), "yellow")

    def test_yellow_turns_red(self):
        self.assertEqual(next_light("yellow"), "red")

    def test_red_turns_green(self):
        self.assertEqual(next_light("red"), "green")

    def test_broken_light_stops_traffic(self):
        self.assertEqual(next_light("off"), "red", "a light that is off should be treated as red")
        self.assertEqual(next_light("flashing"), "red", "a flashing light should be treated as red")

    def test_unknown_colour(self):
        self.assertEqual(next_light("blue"), "unknown", "colours that are not part of the cycle give 'unknown'")
        self.assertEqual(next_light(""), "unknown", "an empty string gives 'unknown'")

    def test_full_cycle_returns_to_start(self):
        colour = "green"
        for _ in range(3):
            colour = next_light(colour)
        self.assertEqual(colour, "green", "three steps from green should come back to green")


if __name__ == "__main__":
    unittest.main()
