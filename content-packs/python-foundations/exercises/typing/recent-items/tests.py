import unittest
from typing import Generic, TypeVar, get_type_hints

from solution import RecentItems


class RecentItemsBehaviourTests(unittest.TestCase):
    def test_keeps_only_the_newest_items(self):
        recent = RecentItems(2)
        for name in ["a.txt", "b.txt", "c.txt"]:
            recent.add(name)
        self.assertEqual(list(recent), ["b.txt", "c.txt"], "only the 2 newest items, oldest first")
        self.assertEqual(len(recent), 2, "len should count the stored items")

    def test_latest_is_the_last_added_item(self):
        recent = RecentItems(3)
        recent.add(10)
        recent.add(0)
        self.assertEqual(recent.latest(), 0, "latest() should return 0, the last item added")

    def test_empty_collection(self):
        recent = RecentItems(5)
        self.assertIsNone(recent.latest(), "latest() of an empty collection should be None")
        self.assertEqual(len(recent), 0, "an empty collection has length 0")
        self.assertEqual(list(recent), [], "iterating an empty collection gives nothing")

    def test_capacity_below_one_raises_value_error(self):
        for bad in (0, -1):
            with self.assertRaises(ValueError, msg=f"capacity={bad} should raise ValueError"):
                RecentItems(bad)


class RecentItemsGenericTests(unittest.TestCase):
    def test_class_is_generic_in_one_type_variable(self):
        self.assertTrue(issubclass(RecentItems, Generic), "RecentItems should inherit from Generic[T]")
        params = getattr(RecentItems, "__parameters__", ())
        self.assertEqual(len(params), 1, "RecentItems should have exactly one type parameter")
        self.assertIsInstance(params[0], TypeVar, "the type parameter should be a TypeVar")

    def test_subscripted_class_can_be_created(self):
        recent = RecentItems[str](1)
        recent.add("x")
        self.assertEqual(recent.latest(), "x", "RecentItems[str](1) should work like RecentItems(1)")

    def test_method_hints_use_the_class_type_variable(self):
        (t,) = RecentItems.__parameters__
        self.assertIs(get_type_hints(RecentItems.add).get("item"), t, "add's item should be hinted T")
        self.assertEqual(get_type_hints(RecentItems.latest).get("return"), t | None,
                         "latest should be hinted to return T | None")


if __name__ == "__main__":
    unittest.main()
