import unittest

from solution import plan_waves

RESEARCH = {
    "tides": [],
    "eclipses": [],
    "seasons": [],
    "compare": ["tides", "eclipses", "seasons"],
    "summary": ["compare"],
}


class PlanWavesTests(unittest.TestCase):
    def test_fan_out_then_fan_in(self):
        self.assertEqual(plan_waves(RESEARCH),
                         [["eclipses", "seasons", "tides"], ["compare"], ["summary"]])

    def test_chain_runs_one_per_wave(self):
        self.assertEqual(plan_waves({"c": ["b"], "b": ["a"], "a": []}), [["a"], ["b"], ["c"]],
                         "each step of a chain must wait for the one before")

    def test_branch_that_finishes_early(self):
        ops = {"a": [], "b": ["a"], "c": ["b"], "x": ["a"]}
        self.assertEqual(plan_waves(ops), [["a"], ["b", "x"], ["c"]])

    def test_concurrency_limit_delays_the_rest(self):
        self.assertEqual(plan_waves({"a": [], "b": [], "c": [], "d": ["a"]}, max_concurrent=2),
                         [["a", "b"], ["c", "d"]])
        self.assertEqual(plan_waves(RESEARCH, max_concurrent=2),
                         [["eclipses", "seasons"], ["tides"], ["compare"], ["summary"]],
                         "compare must wait until all three research steps are done")

    def test_unknown_dependency(self):
        with self.assertRaises(ValueError) as caught:
            plan_waves({"summary": ["draft"]})
        self.assertEqual(str(caught.exception), "'summary' depends on unknown operation 'draft'")

    def test_cycle_is_refused(self):
        for ops in ({"a": ["b"], "b": ["a"]}, {"a": ["a"]}, {"x": [], "a": ["c"], "b": ["a"], "c": ["b"]}):
            with self.subTest(ops=ops):
                with self.assertRaises(ValueError) as caught:
                    plan_waves(ops)
                self.assertEqual(str(caught.exception), "Graph must be acyclic for flow execution")

    def test_edge_cases(self):
        self.assertEqual(plan_waves({}), [])
        with self.assertRaises(ValueError):
            plan_waves({"a": []}, max_concurrent=0)


if __name__ == "__main__":
    unittest.main()
