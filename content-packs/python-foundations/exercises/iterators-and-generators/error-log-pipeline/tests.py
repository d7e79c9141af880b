import itertools
import unittest

from solution import first_errors, longest_error_streak, parse_log

SAMPLE = [
    "08:00:01 INFO started\n",
    "08:00:05 error disk almost full\n",
    "# nightly maintenance\n",
    "08:00:09 ERROR disk full\n",
    "\n",
    "08:00:12 WARNING retrying\n",
]


class ParseLogTests(unittest.TestCase):
    def test_parses_events_and_skips_comments_and_blanks(self):
        self.assertEqual(list(parse_log(SAMPLE)), [
            ("08:00:01", "INFO", "started"),
            ("08:00:05", "ERROR", "disk almost full"),
            ("08:00:09", "ERROR", "disk full"),
            ("08:00:12", "WARNING", "retrying"),
        ])

    def test_skips_incomplete_lines(self):
        lines = ["08:00:01", "08:00:02 INFO", "   ", "08:00:03 INFO ok"]
        self.assertEqual(list(parse_log(lines)), [("08:00:03", "INFO", "ok")],
                         "lines without a time, a level and a message are not events")

    def test_is_a_lazy_generator(self):
        events = parse_log(itertools.cycle(SAMPLE))
        self.assertIs(iter(events), events, "parse_log should return a generator, not a list")
        self.assertEqual(next(events), ("08:00:01", "INFO", "started"), "parse_log must work on an endless stream")


class FirstErrorsTests(unittest.TestCase):
    def test_first_error_messages(self):
        self.assertEqual(first_errors(SAMPLE, 1), ["disk almost full"])
        self.assertEqual(first_errors(SAMPLE, 5), ["disk almost full", "disk full"],
                         "with fewer than n errors, return the ones there are")

    def test_works_on_an_endless_stream(self):
        self.assertEqual(first_errors(itertools.cycle(SAMPLE), 3),
                         ["disk almost full", "disk full", "disk almost full"])

    def test_reads_no_more_lines_than_needed(self):
        source = iter(SAMPLE)
        first_errors(source, 2)
        self.assertEqual(next(source), "\n", "after the second error, the following lines must not have been read")


class LongestErrorStreakTests(unittest.TestCase):
    def test_skipped_lines_do_not_break_a_streak(self):
        self.assertEqual(longest_error_streak(SAMPLE), 2)

    def test_other_levels_break_a_streak(self):
        lines = [
            "1 ERROR a", "2 ERROR b", "3 INFO c", "4 ERROR d", "5 error e", "6 Error f", "7 DEBUG g",
        ]
        self.assertEqual(longest_error_streak(lines), 3, "events 4, 5 and 6 are three ERROR events in a row")

    def test_no_errors_gives_zero(self):
        self.assertEqual(longest_error_streak(["1 INFO fine", "# only a comment"]), 0)
        self.assertEqual(longest_error_streak([]), 0)


if __name__ == "__main__":
    unittest.main()
