import inspect
import unittest

from solution import function_to_schema, parse_docstring


def multiply(a: float, b: float) -> float:
    """Multiply two numbers.

    Args:
        a (float): The first factor.
        b (float): The second factor.

    Returns:
        float: The product.
    """
    return a * b


def search(query: str, limit: int = 5, exact: bool = False, tags: list = None, filters: dict = None):
    """Search the notes for matching text.

    Parameters:
        query: Words to look for,
            matched anywhere in a note.

        limit (int): How many hits to return.
    """
    return []


def untyped(name, when):
    return name


class Point:
    pass


def place(where: Point, label: str):
    """Put a label somewhere."""


class ParseDocstringTests(unittest.TestCase):
    def test_description_and_args(self):
        description, params = parse_docstring(inspect.getdoc(multiply))
        self.assertEqual(description, "Multiply two numbers.")
        self.assertEqual(params, {"a": "The first factor.", "b": "The second factor."},
                         "the Returns: section must not be read as parameters")

    def test_continuation_lines_and_other_heading(self):
        _, params = parse_docstring(inspect.getdoc(search))
        self.assertEqual(params["query"], "Words to look for, matched anywhere in a note.",
                         "a line without a colon continues the previous description")
        self.assertEqual(params["limit"], "How many hits to return.")
        self.assertNotIn("exact", params)

    def test_no_docstring(self):
        self.assertEqual(parse_docstring(None), (None, {}))


class FunctionToSchemaTests(unittest.TestCase):
    def test_top_level_shape(self):
        schema = function_to_schema(multiply)
        self.assertEqual(schema["type"], "function")
        self.assertEqual(schema["function"]["name"], "multiply")
        self.assertEqual(schema["function"]["description"], "Multiply two numbers.")
        self.assertEqual(schema["function"]["parameters"]["type"], "object")

    def test_full_schema_for_multiply(self):
        self.assertEqual(
            function_to_schema(multiply)["function"]["parameters"],
            {
                "type": "object",
                "properties": {
                    "a": {"type": "number", "description": "The first factor."},
                    "b": {"type": "number", "description": "The second factor."},
                },
                "required": ["a", "b"],
            },
        )

    def test_type_mapping_and_every_parameter_required(self):
        params = function_to_schema(search)["function"]["parameters"]
        types = {name: prop["type"] for name, prop in params["properties"].items()}
        self.assertEqual(types, {"query": "string", "limit": "number", "exact": "boolean",
                                 "tags": "array", "filters": "object"})
        self.assertEqual(params["required"], ["query", "limit", "exact", "tags", "filters"],
                         "lionagi lists every parameter as required, in signature order")
        self.assertIsNone(params["properties"]["exact"]["description"],
                          "an undocumented parameter has description None")

    def test_missing_annotation_and_docstring(self):
        schema = function_to_schema(untyped)
        self.assertIsNone(schema["function"]["description"])
        self.assertEqual(schema["function"]["parameters"]["properties"],
                         {"name": {"type": "string", "description": None},
                          "when": {"type": "string", "description": None}},
                         "no annotation means type string")

    def test_unknown_annotation_keeps_its_name(self):
        props = function_to_schema(place)["function"]["parameters"]["properties"]
        self.assertEqual(props["where"]["type"], "Point")
        self.assertEqual(props["label"]["type"], "string")


if __name__ == "__main__":
    unittest.main()
