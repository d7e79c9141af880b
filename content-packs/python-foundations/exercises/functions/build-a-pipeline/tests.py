import unittest

from solution import pipeline


class PipelineTests(unittest.TestCase):
    def test_text_cleaning_pipeline(self):
        clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "-"))
        self.assertEqual(clean("  Hello World "), "hello-world")

    def test_steps_run_left_to_right(self):
        add_then_double = pipeline(lambda n: n + 1, lambda n: n * 2)
        double_then_add = pipeline(lambda n: n * 2, lambda n: n + 1)
        self.assertEqual(add_then_double(5), 12, "(5 + 1) * 2 is 12: the first step runs first")
        self.assertEqual(double_then_add(5), 11, "5 * 2 + 1 is 11")

    def test_no_steps_returns_input(self):
        self.assertEqual(pipeline()(42), 42, "an empty pipeline returns its input unchanged")

    def test_single_step(self):
        self.assertEqual(pipeline(len)("four"), 4, "a one-step pipeline behaves like that step")

    def test_returned_function_can_be_reused(self):
        shout = pipeline(str.upper, lambda s: s + "!")
        self.assertEqual(shout("hi"), "HI!")
        self.assertEqual(shout("bye"), "BYE!", "the same pipeline must work for every call")

    def test_steps_are_not_called_when_building(self):
        calls = []

        def record(x):
            calls.append(x)
            return x

        built = pipeline(record)
        self.assertEqual(calls, [], "pipeline() must only build the function, not run the steps")
        built("x")
        self.assertEqual(calls, ["x"], "the step runs when the built function is called")


if __name__ == "__main__":
    unittest.main()
