import collections.abc
import unittest
from typing import TypeVar, get_args, get_origin, get_type_hints

from solution import group_by


class GroupByBehaviourTests(unittest.TestCase):
    def test_groups_words_by_first_letter(self):
        self.assertEqual(group_by(["apple", "avocado", "banana"], lambda w: w[0]),
                         {"a": ["apple", "avocado"], "b": ["banana"]})

    def test_keeps_item_order_and_first_seen_label_order(self):
        result = group_by([5, 2, 8, 3], lambda n: "even" if n % 2 == 0 else "odd")
        self.assertEqual(list(result), ["odd", "even"], "labels should appear in first-seen order")
        self.assertEqual(result, {"odd": [5, 3], "even": [2, 8]}, "items keep their input order")

    def test_accepts_any_iterable(self):
        self.assertEqual(group_by(range(7), lambda n: n % 3), {0: [0, 3, 6], 1: [1, 4], 2: [2, 5]},
                         "a range should work as input")
        squares = (n * n for n in range(4))
        self.assertEqual(group_by(squares, lambda n: n > 1), {False: [0, 1], True: [4, 9]},
                         "a generator should work as input")

    def test_empty_input_gives_empty_dict(self):
        self.assertEqual(group_by([], len), {}, "no items means no groups")


class GroupByHintTests(unittest.TestCase):
    def setUp(self):
        self.hints = get_type_hints(group_by)

    def test_items_is_an_iterable_of_a_type_variable(self):
        items = self.hints.get("items")
        self.assertIs(get_origin(items), collections.abc.Iterable, "items should be hinted Iterable[T]")
        (item_type,) = get_args(items)
        self.assertIsInstance(item_type, TypeVar, "the item type should be a TypeVar")

    def test_key_is_a_callable_from_t_to_k(self):
        item_type = get_args(self.hints["items"])[0]
        key = self.hints.get("key")
        self.assertIs(get_origin(key), collections.abc.Callable, "key should be hinted Callable[[T], K]")
        params, label_type = get_args(key)
        self.assertEqual(params, [item_type], "key should take one argument of the item type T")
        self.assertIsInstance(label_type, TypeVar, "the label type should be a TypeVar")
        self.assertIsNot(label_type, item_type, "use a second type variable K for the labels")

    def test_return_is_dict_of_k_to_list_of_t(self):
        item_type = get_args(self.hints["items"])[0]
        label_type = get_args(self.hints["key"])[1]
        self.assertEqual(self.hints.get("return"), dict[label_type, list[item_type]],
                         "the return hint should be dict[K, list[T]]")


if __name__ == "__main__":
    unittest.main()
