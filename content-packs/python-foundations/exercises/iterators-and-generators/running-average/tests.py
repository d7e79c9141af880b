import itertools
import unittest

from solution import running_average


class RunningAverageTests(unittest.TestCase):
    def test_averages_so_far(self):
        self.assertEqual(list(running_average([2, 4, 9])), [2.0, 3.0, 5.0])

    def test_empty_input_yields_nothing(self):
        self.assertEqual(list(running_average([])), [], "no numbers means no averages")

    def test_single_number(self):
        self.assertEqual(list(running_average([7])), [7.0])

    def test_returns_an_iterator(self):
        result = running_average([1, 2])
        self.assertIs(iter(result), result, "running_average should return a generator (use yield), not a list")

    def test_works_on_an_endless_input(self):
        averages = running_average(itertools.count(1))
        self.assertEqual(list(itertools.islice(averages, 5)), [1.0, 1.5, 2.0, 2.5, 3.0],
                         "the first averages of 1, 2, 3, ... must be available without reading the whole input")

    def test_does_not_read_ahead(self):
        source = iter([10, 20, 30, 40])
        averages = running_average(source)
        self.assertEqual(next(averages), 10.0)
        self.assertEqual(next(averages), 15.0)
        self.assertEqual(next(source), 30, "after two averages, only two numbers should have been read")

    def test_accepts_a_generator_expression(self):
        self.assertEqual(list(running_average(n * 2 for n in range(3))), [0.0, 1.0, 2.0])


if __name__ == "__main__":
    unittest.main()
