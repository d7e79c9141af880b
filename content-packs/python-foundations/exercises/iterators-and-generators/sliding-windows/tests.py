import itertools
import unittest

from solution import windows


class WindowsTests(unittest.TestCase):
    def test_windows_of_three(self):
        self.assertEqual(list(windows([1, 2, 3, 4, 5], 3)), [(1, 2, 3), (2, 3, 4), (3, 4, 5)])

    def test_windows_over_a_string(self):
        self.assertEqual(list(windows("abc", 2)), [("a", "b"), ("b", "c")], "any iterable works, and windows are tuples")

    def test_size_one_and_full_length(self):
        self.assertEqual(list(windows([7, 8], 1)), [(7,), (8,)])
        self.assertEqual(list(windows([7, 8, 9], 3)), [(7, 8, 9)], "an input exactly as long as the window gives one window")

    def test_too_short_input_yields_nothing(self):
        self.assertEqual(list(windows([1, 2], 3)), [], "two items cannot fill a window of three")
        self.assertEqual(list(windows([], 1)), [])

    def test_invalid_size_raises_value_error(self):
        for size in (0, -2):
            with self.assertRaises(ValueError, msg=f"size {size} should be rejected"):
                list(windows([1, 2, 3], size))

    def test_works_on_an_endless_iterable(self):
        first = list(itertools.islice(windows(itertools.count(), 4), 3))
        self.assertEqual(first, [(0, 1, 2, 3), (1, 2, 3, 4), (2, 3, 4, 5)],
                         "windows must not try to read the whole input first")

    def test_reads_only_what_it_needs(self):
        source = iter(range(10))
        gen = windows(source, 3)
        self.assertEqual(next(gen), (0, 1, 2))
        self.assertEqual(next(gen), (1, 2, 3))
        self.assertEqual(next(source), 4, "after two windows of three, only four items should have been read")


if __name__ == "__main__":
    unittest.main()
