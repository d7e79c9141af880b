import math
import unittest

from solution import Circle, Rectangle, Shape, Square, total_area


class ShapeTests(unittest.TestCase):
    def test_rectangle_area_and_perimeter(self):
        box = Rectangle(2, 5)
        self.assertEqual((box.width, box.height), (2, 5), "store width and height as attributes")
        self.assertEqual(box.area(), 10)
        self.assertEqual(box.perimeter(), 14)

    def test_square_is_a_rectangle(self):
        square = Square(3)
        self.assertIsInstance(square, Rectangle, "Square should be a subclass of Rectangle")
        self.assertEqual((square.width, square.height), (3, 3),
                         "a square's width and height are both its side")
        self.assertEqual(square.area(), 9)
        self.assertEqual(square.perimeter(), 12)

    def test_circle_uses_pi(self):
        circle = Circle(2)
        self.assertIsInstance(circle, Shape)
        self.assertAlmostEqual(circle.area(), math.pi * 4)
        self.assertAlmostEqual(circle.perimeter(), math.pi * 4)

    def test_describe_is_inherited_and_uses_class_name(self):
        self.assertEqual(Square(3).describe(), "Square: area 9.00, perimeter 12.00")
        self.assertEqual(Circle(1).describe(), "Circle: area 3.14, perimeter 6.28")
        self.assertEqual(Rectangle(1.5, 2).describe(), "Rectangle: area 3.00, perimeter 7.00")

    def test_base_shape_still_refuses(self):
        with self.assertRaises(NotImplementedError, msg="Shape itself has no area"):
            Shape().area()

    def test_total_area(self):
        self.assertEqual(total_area([Rectangle(2, 5), Square(2)]), 14)
        self.assertAlmostEqual(total_area([Circle(1), Square(1)]), math.pi + 1)

    def test_total_area_of_nothing_is_zero(self):
        self.assertEqual(total_area([]), 0)


if __name__ == "__main__":
    unittest.main()
