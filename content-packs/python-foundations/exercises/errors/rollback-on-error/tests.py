import unittest

from solution import Rollback


class RollbackTests(unittest.TestCase):
    def test_as_binds_the_same_dictionary(self):
        data = {"a": 1}
        with Rollback(data) as bound:
            self.assertIs(bound, data, "`as` should give the original dict, not a copy")

    def test_changes_are_kept_without_error(self):
        data = {"apples": 5}
        manager = Rollback(data)
        with manager as d:
            d["apples"] = 2
            d["pears"] = 1
        self.assertEqual(data, {"apples": 2, "pears": 1}, "a block without errors keeps its changes")
        self.assertFalse(manager.rolled_back, "no rollback should happen when the block succeeds")

    def test_changes_are_undone_on_error(self):
        data = {"apples": 5, "pears": 2}
        manager = Rollback(data)
        try:
            with manager as d:
                d["apples"] -= 3
                d["kiwis"] = 1
                del d["pears"]
                raise RuntimeError("payment failed")
        except RuntimeError:
            pass
        self.assertEqual(data, {"apples": 5, "pears": 2}, "changed, added and deleted keys should all be restored")
        self.assertTrue(manager.rolled_back, "rolled_back should be True after an error")

    def test_exception_still_propagates(self):
        data = {"x": 1}
        with self.assertRaises(KeyError, msg="Rollback must not swallow the exception"):
            with Rollback(data) as d:
                d["x"] = 2
                d["missing"]
        self.assertEqual(data, {"x": 1})

    def test_restores_in_place(self):
        data = {"x": 1}
        alias = data
        with self.assertRaises(ValueError):
            with Rollback(data) as d:
                d.clear()
                raise ValueError("boom")
        self.assertIs(alias, data)
        self.assertEqual(alias, {"x": 1}, "other references to the dict should see the restored content")


if __name__ == "__main__":
    unittest.main()
