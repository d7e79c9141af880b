import math
import unittest
from typing import Protocol

from solution import HasArea, largest, total_area


class Rug:
    def __init__(self, width, height):
        self.width, self.height = width, height

    def area(self):
        return self.width * self.height


class Pond:
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Chair:
    legs = 4


class ProtocolTests(unittest.TestCase):
    def test_has_area_is_a_protocol(self):
        self.assertIn(Protocol, HasArea.__mro__, "HasArea should be a subclass of typing.Protocol")

    def test_unrelated_classes_match_the_protocol(self):
        self.assertIsInstance(Rug(1, 2), HasArea, "a Rug has area(), so it should match HasArea")
        self.assertIsInstance(Pond(1), HasArea, "a Pond has area(), so it should match HasArea")

    def test_objects_without_area_do_not_match(self):
        self.assertNotIsInstance(Chair(), HasArea, "a Chair has no area() method")
        self.assertNotIsInstance("rug", HasArea, "a string has no area() method")


class TotalAreaTests(unittest.TestCase):
    def test_sums_mixed_shapes(self):
        self.assertAlmostEqual(total_area([Rug(2, 3), Pond(1)]), 6 + math.pi,
                               msg="2x3 rug plus a pond of radius 1")

    def test_no_shapes_gives_zero(self):
        self.assertEqual(total_area([]), 0.0, "the total of no shapes is 0.0")

    def test_item_without_area_raises_type_error_naming_its_type(self):
        with self.assertRaises(TypeError, msg="a Chair in the list should raise TypeError") as caught:
            total_area([Rug(1, 1), Chair()])
        self.assertIn("Chair", str(caught.exception), "the error message should name the type Chair")


class LargestTests(unittest.TestCase):
    def test_returns_the_biggest_shape(self):
        small, big = Rug(1, 1), Pond(2)
        self.assertIs(largest([small, big, Rug(3, 4)]), big, "the pond (area about 12.57) is biggest")

    def test_first_wins_a_tie_and_empty_gives_none(self):
        first, second = Rug(2, 2), Rug(1, 4)
        self.assertIs(largest([first, second]), first, "on a tie, return the first shape")
        self.assertIsNone(largest([]), "no shapes should give None")


if __name__ == "__main__":
    unittest.main()
