import unittest

from solution import steps_to_one


class StepsToOneTests(unittest.TestCase):
    def test_six_takes_eight_steps(self):
        self.assertEqual(steps_to_one(6), 8, "6, 3, 10, 5, 16, 8, 4, 2, 1 is 8 steps")

    def test_one_takes_no_steps(self):
        self.assertEqual(steps_to_one(1), 0, "starting at 1 there is nothing to do")

    def test_two_takes_one_step(self):
        self.assertEqual(steps_to_one(2), 1, "2 is halved to 1 in one step")

    def test_power_of_two_only_halves(self):
        self.assertEqual(steps_to_one(1024), 10, "1024 = 2 ** 10 is halved ten times")

    def test_odd_start(self):
        self.assertEqual(steps_to_one(7), 16, "7 climbs as high as 52 before coming down in 16 steps")

    def test_long_path(self):
        self.assertEqual(steps_to_one(27), 111, "27 takes 111 steps")


if __name__ == "__main__":
    unittest.main()
