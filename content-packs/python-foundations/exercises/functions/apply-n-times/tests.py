import unittest

from solution import apply_n_times


def double(x):
    return x * 2


class ApplyNTimesTests(unittest.TestCase):
    def test_doubling_four_times(self):
        self.assertEqual(apply_n_times(double, 3, 4), 48, "3 doubled four times is 48")

    def test_zero_times_returns_value_unchanged(self):
        self.assertEqual(apply_n_times(double, 7, 0), 7, "applying a function zero times changes nothing")

    def test_zero_times_never_calls_the_function(self):
        calls = []

        def record(x):
            calls.append(x)
            return x

        apply_n_times(record, 1, 0)
        self.assertEqual(calls, [], "with n == 0 the function must not be called at all")

    def test_function_is_called_exactly_n_times(self):
        calls = []

        def record(x):
            calls.append(x)
            return x + 1

        self.assertEqual(apply_n_times(record, 0, 5), 5)
        self.assertEqual(calls, [0, 1, 2, 3, 4], "each call should receive the previous result")

    def test_works_with_a_lambda_on_strings(self):
        self.assertEqual(apply_n_times(lambda s: s + "!", "go", 3), "go!!!")

    def test_works_with_a_method(self):
        self.assertEqual(apply_n_times(str.strip, "  hi  ", 1), "hi", "str.strip can be passed as a function")


if __name__ == "__main__":
    unittest.main()
