import unittest

from solution import clock_time


class ClockTimeTests(unittest.TestCase):
    def test_hours_minutes_and_seconds(self):
        self.assertEqual(clock_time(3725), "1:02:05", "3725 s is 1 hour, 2 minutes and 5 seconds")

    def test_under_a_minute(self):
        self.assertEqual(clock_time(59), "0:00:59", "59 s has no hours and no minutes")

    def test_zero(self):
        self.assertEqual(clock_time(0), "0:00:00", "0 s should show as 0:00:00")

    def test_exactly_one_hour(self):
        self.assertEqual(clock_time(3600), "1:00:00", "3600 s is exactly one hour")

    def test_minutes_and_seconds_are_padded(self):
        self.assertEqual(clock_time(61), "0:01:01", "minutes and seconds always have two digits")

    def test_hours_can_pass_a_day(self):
        self.assertEqual(clock_time(90061), "25:01:01", "hours keep counting past 24")


if __name__ == "__main__":
    unittest.main()
