import unittest

from solution import ToolRegistry


def add(a, b=0):
    return a + b


def divide(a, b):
    return a / b


def shout(text):
    return text.upper()


def make_registry():
    registry = ToolRegistry()
    for func in (add, divide, shout):
        registry.register(func)
    return registry


class RegisterTests(unittest.TestCase):
    def test_register_and_lookup(self):
        registry = make_registry()
        self.assertEqual(registry.names(), ["add", "divide", "shout"], "names keep registration order")
        self.assertIn("add", registry)
        self.assertIn(shout, registry, "membership accepts the function itself")
        self.assertNotIn("subtract", registry)

    def test_duplicate_needs_update(self):
        registry = make_registry()

        def add(a, b=0):  # a different function with the same name
            return a - b

        with self.assertRaises(ValueError) as caught:
            registry.register(add)
        self.assertEqual(str(caught.exception), "Tool add is already registered.")
        registry.register(add, update=True)
        self.assertEqual(registry.invoke({"function": "add", "arguments": {"a": 5, "b": 2}})["output"], 3,
                         "update=True must replace the old tool")

    def test_non_callable_is_rejected(self):
        with self.assertRaises(TypeError):
            ToolRegistry().register("add")


class InvokeTests(unittest.TestCase):
    def test_successful_call(self):
        response = make_registry().invoke({"function": "add", "arguments": {"a": 2, "b": 3}})
        self.assertEqual(response, {"function": "add", "arguments": {"a": 2, "b": 3}, "output": 5})

    def test_unknown_function(self):
        with self.assertRaises(ValueError) as caught:
            make_registry().invoke({"function": "subtract", "arguments": {}})
        self.assertEqual(str(caught.exception), "Function subtract is not registered.")

    def test_malformed_request(self):
        with self.assertRaises(ValueError):
            make_registry().invoke({"function": "add"})

    def test_argument_checks(self):
        registry = make_registry()
        with self.assertRaises(TypeError) as caught:
            registry.invoke({"function": "shout", "arguments": {"txt": "hi", "loud": True}})
        self.assertIn("unexpected arguments: loud, txt", str(caught.exception))
        with self.assertRaises(TypeError) as caught:
            registry.invoke({"function": "divide", "arguments": {}})
        self.assertIn("missing arguments: a, b", str(caught.exception))
        self.assertEqual(registry.invoke({"function": "add", "arguments": {"a": 1}})["output"], 1,
                         "a parameter with a default may be left out")

    def test_invoke_all_turns_failures_into_error_outputs(self):
        responses = make_registry().invoke_all([
            {"function": "shout", "arguments": {"text": "ok"}},
            {"function": "divide", "arguments": {"a": 1, "b": 0}},
            {"function": "nope", "arguments": {}},
        ])
        self.assertEqual(len(responses), 3, "every request gets a response")
        self.assertEqual(responses[0]["output"], "OK")
        self.assertEqual(responses[1]["output"]["error"], "division by zero")
        self.assertEqual(responses[1]["output"]["message"], "Error invoking action 'divide': division by zero")
        self.assertEqual(responses[2]["output"]["error"], "Function nope is not registered.")
        with self.assertRaises(ZeroDivisionError):
            make_registry().invoke_all([{"function": "divide", "arguments": {"a": 1, "b": 0}}],
                                       suppress_errors=False)


if __name__ == "__main__":
    unittest.main()
