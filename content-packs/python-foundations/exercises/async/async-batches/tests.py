import asyncio
import inspect
import unittest

from solution import batched


class Source:
    """An async iterator over `items` that counts how many items were pulled from it."""

    def __init__(self, items):
        self._items = iter(items)
        self.pulled = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        try:
            item = next(self._items)
        except StopIteration:
            raise StopAsyncIteration from None
        self.pulled += 1
        return item


async def collect(source, size):
    return [batch async for batch in batched(source, size)]


class BatchedTests(unittest.TestCase):
    def test_is_an_async_generator(self):
        self.assertTrue(inspect.isasyncgenfunction(batched),
                        "batched should be an async generator: async def with yield")

    def test_groups_items_with_a_short_last_batch(self):
        result = asyncio.run(collect(Source(range(1, 8)), 3))
        self.assertEqual(result, [[1, 2, 3], [4, 5, 6], [7]], "7 items in batches of 3")

    def test_exact_multiple_has_no_empty_batch(self):
        result = asyncio.run(collect(Source("abcd"), 2))
        self.assertEqual(result, [["a", "b"], ["c", "d"]], "4 items in batches of 2, with no empty list at the end")

    def test_empty_source_yields_nothing(self):
        self.assertEqual(asyncio.run(collect(Source([]), 5)), [], "an empty source gives no batches")

    def test_size_one_and_size_bigger_than_source(self):
        self.assertEqual(asyncio.run(collect(Source([1, 2]), 1)), [[1], [2]], "size 1 gives one-item batches")
        self.assertEqual(asyncio.run(collect(Source([1, 2]), 10)), [[1, 2]], "a big size gives one batch")

    def test_size_below_one_raises_value_error(self):
        with self.assertRaises(ValueError, msg="size=0 should raise ValueError"):
            asyncio.run(collect(Source([1, 2]), 0))

    def test_reads_the_source_lazily(self):
        source = Source(range(100))

        async def first_batch():
            stream = batched(source, 4)
            batch = await anext(stream)
            await stream.aclose()
            return batch

        self.assertEqual(asyncio.run(first_batch()), [0, 1, 2, 3], "the first batch of 4")
        self.assertEqual(source.pulled, 4, "only 4 items should be read to make the first batch")


if __name__ == "__main__":
    unittest.main()
