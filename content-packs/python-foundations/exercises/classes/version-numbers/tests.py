import dataclasses
import unittest

from solution import Version, latest, parse_version


class VersionTests(unittest.TestCase):
    def test_is_a_dataclass_with_default_patch(self):
        self.assertTrue(dataclasses.is_dataclass(Version), "use @dataclass")
        self.assertEqual(Version(1, 2), Version(1, 2, 0), "patch should default to 0")

    def test_versions_are_frozen(self):
        version = Version(1, 2, 3)
        with self.assertRaises(dataclasses.FrozenInstanceError, msg="use @dataclass(frozen=True)"):
            version.major = 9

    def test_versions_compare_as_numbers(self):
        self.assertLess(Version(1, 9), Version(1, 10), "1.10 is newer than 1.9; use order=True")
        self.assertGreater(Version(2, 0), Version(1, 99, 99))

    def test_str_gives_dotted_form(self):
        self.assertEqual(str(Version(1, 10, 2)), "1.10.2")

    def test_bump_returns_new_versions(self):
        start = Version(1, 4, 7)
        self.assertEqual(start.bump("major"), Version(2, 0, 0))
        self.assertEqual(start.bump("minor"), Version(1, 5, 0))
        self.assertEqual(start.bump("patch"), Version(1, 4, 8))
        self.assertEqual(start, Version(1, 4, 7), "bump must not change the original")


class ParsingTests(unittest.TestCase):
    def test_parse_three_parts(self):
        self.assertEqual(parse_version("1.10.2"), Version(1, 10, 2))

    def test_parse_two_parts(self):
        self.assertEqual(parse_version("2.1"), Version(2, 1, 0), "a missing patch means 0")

    def test_latest_compares_numerically(self):
        self.assertEqual(latest(["1.9", "1.10.0", "1.2.5"]), "1.10.0",
                         "compare versions as numbers, not as strings")
        self.assertEqual(latest(["0.1"]), "0.1.0")


if __name__ == "__main__":
    unittest.main()
