import asyncio
import unittest

from solution import process_stream


async def stream(items):
    for item in items:
        await asyncio.sleep(0)
        yield item


class Handler:
    """A fake async handler: item n takes n scheduler steps and returns n * 10.
    It records how many calls run at once and which calls were cancelled."""

    def __init__(self, fail_on=None):
        self.fail_on = fail_on
        self.running = 0
        self.most_running = 0
        self.cancelled = 0

    async def __call__(self, item):
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        try:
            for _ in range(item):
                await asyncio.sleep(0)
            if item == self.fail_on:
                raise LookupError(f"cannot handle {item}")
            return item * 10
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.running -= 1


class ProcessStreamTests(unittest.IsolatedAsyncioTestCase):
    async def run_stream(self, items, handler, workers):
        async with asyncio.timeout(1):  # fail fast instead of hanging
            return await process_stream(stream(items), handler, workers)

    async def test_results_follow_source_order(self):
        result = await self.run_stream([9, 1, 5, 2], Handler(), 4)
        self.assertEqual(result, [90, 10, 50, 20], "results must be in source order, not finishing order")

    async def test_never_more_than_workers_at_once(self):
        handler = Handler()
        await self.run_stream([3, 1, 4, 1, 5, 9, 2, 6], handler, 3)
        self.assertEqual(handler.most_running, 3, "exactly 3 handler calls should run at the same time")

    async def test_single_worker_runs_one_at_a_time(self):
        handler = Handler()
        result = await self.run_stream([2, 2, 2], handler, 1)
        self.assertEqual(result, [20, 20, 20], "every item is handled")
        self.assertEqual(handler.most_running, 1, "with workers=1 the calls must not overlap")

    async def test_more_workers_than_items(self):
        handler = Handler()
        result = await self.run_stream([5, 4], handler, 10)
        self.assertEqual(result, [50, 40], "both items are handled")
        self.assertEqual(handler.most_running, 2, "both items should be handled at the same time")

    async def test_empty_source_gives_empty_list(self):
        self.assertEqual(await self.run_stream([], Handler(), 2), [], "no items, no results")

    async def test_workers_below_one_raises_value_error(self):
        with self.assertRaises(ValueError, msg="workers=0 should raise ValueError"):
            await self.run_stream([1], Handler(), 0)

    async def test_handler_error_propagates_and_nothing_keeps_running(self):
        handler = Handler(fail_on=1)
        with self.assertRaises((LookupError, ExceptionGroup), msg="a handler error must propagate") as caught:
            await self.run_stream([8, 1, 8, 8], handler, 3)
        if isinstance(caught.exception, ExceptionGroup):
            self.assertIsNotNone(caught.exception.subgroup(LookupError), "the group should contain the LookupError")
        self.assertEqual(handler.running, 0, "no handler call may still be running after the error")
        self.assertGreater(handler.cancelled, 0, "the slow calls still in progress should have been cancelled")


if __name__ == "__main__":
    unittest.main()
