import asyncio
import unittest

from solution import fetch_all


class FakeService:
    """An async fetcher that records how many fetches are in progress at once."""

    def __init__(self, fail_on=None):
        self.fail_on = fail_on
        self.in_flight = 0
        self.most_in_flight = 0
        self.seen = []

    async def __call__(self, key):
        self.seen.append(key)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            for _ in range(3):
                await asyncio.sleep(0)
            if key == self.fail_on:
                raise LookupError(f"no data for {key}")
            return key.upper()
        finally:
            self.in_flight -= 1


class FetchAllTests(unittest.TestCase):
    def test_maps_each_key_to_its_result(self):
        result = asyncio.run(fetch_all(FakeService(), ["oslo", "lima"]))
        self.assertEqual(result, {"oslo": "OSLO", "lima": "LIMA"}, "each key should map to fetch(key)")

    def test_keeps_the_order_of_the_keys(self):
        keys = ["c", "a", "b", "d"]
        result = asyncio.run(fetch_all(FakeService(), keys))
        self.assertEqual(list(result), keys, "the dict's keys should be in the input order")

    def test_all_fetches_run_concurrently(self):
        service = FakeService()
        asyncio.run(fetch_all(service, ["a", "b", "c", "d", "e"]))
        self.assertEqual(service.most_in_flight, 5,
                         "all 5 fetches should be in progress together; are you awaiting them one by one?")

    def test_accepts_any_iterable_of_keys(self):
        result = asyncio.run(fetch_all(FakeService(), (k for k in "xy")))
        self.assertEqual(result, {"x": "X", "y": "Y"}, "a generator of keys should work")

    def test_no_keys_gives_empty_dict(self):
        self.assertEqual(asyncio.run(fetch_all(FakeService(), [])), {}, "no keys means an empty dict")

    def test_errors_propagate(self):
        with self.assertRaises(LookupError, msg="a failing fetch should make fetch_all raise"):
            asyncio.run(fetch_all(FakeService(fail_on="b"), ["a", "b", "c"]))


if __name__ == "__main__":
    unittest.main()
