import unittest

from solution import Vector


class VectorTests(unittest.TestCase):
    def test_repr_looks_like_code(self):
        self.assertEqual(repr(Vector(1, 2)), "Vector(1, 2)")
        self.assertEqual(repr(Vector(0.5, -3)), "Vector(0.5, -3)")

    def test_equality_by_value(self):
        self.assertEqual(Vector(1, 2), Vector(1, 2), "vectors with equal coordinates are equal")
        self.assertNotEqual(Vector(1, 2), Vector(2, 1))
        self.assertNotEqual(Vector(1, 2), (1, 2), "a tuple is not a Vector")

    def test_add_and_subtract_return_new_vectors(self):
        a = Vector(1, 2)
        b = Vector(3, 4)
        self.assertEqual(a + b, Vector(4, 6))
        self.assertEqual(b - a, Vector(2, 2))
        self.assertEqual(a, Vector(1, 2), "+ must not change the left-hand vector")

    def test_multiply_by_number(self):
        self.assertEqual(Vector(3, 4) * 2, Vector(6, 8))
        self.assertEqual(Vector(2, -4) * 0.5, Vector(1.0, -2.0))

    def test_length_with_abs(self):
        self.assertEqual(abs(Vector(3, 4)), 5.0)
        self.assertEqual(abs(Vector(0, 0)), 0)

    def test_truthiness(self):
        self.assertFalse(Vector(0, 0), "the zero vector is false")
        self.assertTrue(Vector(0, 1), "any other vector is true")

    def test_unsupported_operands_raise_type_error(self):
        with self.assertRaises(TypeError, msg="Vector + int should raise TypeError"):
            Vector(1, 2) + 5
        with self.assertRaises(TypeError, msg="Vector * Vector should raise TypeError"):
            Vector(1, 2) * Vector(3, 4)


if __name__ == "__main__":
    unittest.main()
