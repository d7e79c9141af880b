import asyncio
import unittest

from solution import ask_all


class CountingModel:
    """A fake model that records how many calls run at the same time."""

    def __init__(self, steps=3, fail_on=()):
        self.steps = steps
        self.fail_on = set(fail_on)
        self.inside = 0
        self.peak = 0
        self.calls = []

    async def reply(self, prompt):
        self.calls.append(prompt)
        self.inside += 1
        self.peak = max(self.peak, self.inside)
        try:
            for _ in range(self.steps):
                await asyncio.sleep(0)
            if prompt in self.fail_on:
                raise RuntimeError(f"failed on {prompt}")
            return prompt.upper()
        finally:
            self.inside -= 1


class AskAllTests(unittest.TestCase):
    def test_replies_keep_prompt_order(self):
        model = CountingModel()
        prompts = ["a", "b", "c", "d", "e"]
        self.assertEqual(asyncio.run(ask_all(model, prompts, 2)), ["A", "B", "C", "D", "E"])

    def test_never_more_than_limit_at_once(self):
        model = CountingModel()
        asyncio.run(ask_all(model, [str(n) for n in range(10)], 3))
        self.assertLessEqual(model.peak, 3, "more calls ran at once than the limit allows")

    def test_calls_really_run_concurrently(self):
        model = CountingModel()
        asyncio.run(ask_all(model, [str(n) for n in range(10)], 3))
        self.assertEqual(model.peak, 3, "with 10 prompts and limit 3, three calls should overlap")

    def test_every_prompt_is_asked_once(self):
        model = CountingModel()
        asyncio.run(ask_all(model, ["x", "y", "z"], 5))
        self.assertEqual(sorted(model.calls), ["x", "y", "z"])

    def test_failure_stays_in_its_slot(self):
        model = CountingModel(fail_on={"b"})
        replies = asyncio.run(ask_all(model, ["a", "b", "c"], 2))
        self.assertEqual(replies[0], "A")
        self.assertIsInstance(replies[1], RuntimeError, "the failed call's exception belongs in slot 1")
        self.assertEqual(replies[2], "C", "one failure must not lose the other replies")

    def test_no_prompts_gives_empty_list(self):
        self.assertEqual(asyncio.run(ask_all(CountingModel(), [], 2)), [])

    def test_limit_below_one_is_rejected(self):
        with self.assertRaises(ValueError):
            asyncio.run(ask_all(CountingModel(), ["a"], 0))


if __name__ == "__main__":
    unittest.main()
