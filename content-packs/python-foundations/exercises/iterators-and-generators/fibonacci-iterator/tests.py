import unittest

from solution import Fibonacci


class FibonacciTests(unittest.TestCase):
    def test_numbers_up_to_ten(self):
        self.assertEqual(list(Fibonacci(10)), [0, 1, 1, 2, 3, 5, 8])

    def test_limit_itself_is_included(self):
        self.assertEqual(list(Fibonacci(13)), [0, 1, 1, 2, 3, 5, 8, 13], "13 is a Fibonacci number and equals the limit")

    def test_small_limits(self):
        self.assertEqual(list(Fibonacci(0)), [0], "0 is not greater than a limit of 0")
        self.assertEqual(list(Fibonacci(1)), [0, 1, 1])

    def test_negative_limit_gives_nothing(self):
        self.assertEqual(list(Fibonacci(-5)), [], "every Fibonacci number is greater than -5")

    def test_is_its_own_iterator(self):
        fib = Fibonacci(100)
        self.assertIs(iter(fib), fib, "__iter__ of an iterator should return self")
        self.assertEqual(next(fib), 0)
        self.assertEqual(next(fib), 1)
        self.assertEqual(list(fib), [1, 2, 3, 5, 8, 13, 21, 34, 55, 89], "a for loop or list() continues where next() stopped")

    def test_stays_exhausted(self):
        fib = Fibonacci(2)
        self.assertEqual(list(fib), [0, 1, 1, 2])
        for _ in range(3):
            with self.assertRaises(StopIteration, msg="an exhausted iterator keeps raising StopIteration"):
                next(fib)

    def test_large_limit(self):
        numbers = list(Fibonacci(10**12))
        self.assertEqual(numbers[-1], 956722026041, "the largest Fibonacci number below 10**12")
        self.assertEqual(len(numbers), 60)


if __name__ == "__main__":
    unittest.main()
