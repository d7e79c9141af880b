import asyncio
import contextlib
import unittest
from unittest import mock

import solution
from solution import retry


class Flaky:
    """An async operation that fails `failures` times, then returns `value`."""

    def __init__(self, failures, value="ok"):
        self.failures = failures
        self.value = value
        self.calls = 0

    async def __call__(self):
        self.calls += 1
        await asyncio.sleep(0)
        if self.calls <= self.failures:
            raise ConnectionError(f"failure {self.calls}")
        return self.value


class RetryTests(unittest.IsolatedAsyncioTestCase):
    async def test_success_on_first_try_calls_once(self):
        operation = Flaky(failures=0, value=42)
        self.assertEqual(await retry(operation, attempts=3), 42, "should return the operation's result")
        self.assertEqual(operation.calls, 1, "a first-try success needs exactly one call")

    async def test_retries_until_success(self):
        operation = Flaky(failures=2)
        self.assertEqual(await retry(operation, attempts=5), "ok", "the third call succeeds")
        self.assertEqual(operation.calls, 3, "two failures then a success means three calls")

    async def test_raises_last_error_when_all_attempts_fail(self):
        operation = Flaky(failures=10)
        with self.assertRaises(ConnectionError, msg="the last failure should be raised") as caught:
            await retry(operation, attempts=3)
        self.assertEqual(str(caught.exception), "failure 3", "the error should come from the last try")
        self.assertEqual(operation.calls, 3, "exactly `attempts` calls should be made")

    async def test_attempts_below_one_raises_value_error_without_calling(self):
        operation = Flaky(failures=0)
        with self.assertRaises(ValueError, msg="attempts=0 should raise ValueError"):
            await retry(operation, attempts=0)
        self.assertEqual(operation.calls, 0, "the operation must not be called when attempts < 1")

    async def test_waits_with_asyncio_sleep_between_tries(self):
        operation = Flaky(failures=2)
        delays = []
        real_sleep = asyncio.sleep

        async def recording_sleep(seconds, *args, **kwargs):
            delays.append(seconds)
            await real_sleep(0)

        with contextlib.ExitStack() as stack:
            stack.enter_context(mock.patch("asyncio.sleep", recording_sleep))
            if hasattr(solution, "sleep"):  # also covers `from asyncio import sleep`
                stack.enter_context(mock.patch.object(solution, "sleep", recording_sleep))
            await retry(operation, attempts=4, delay=0.5)
        self.assertEqual(delays.count(0.5), 2,
                         "expected one asyncio.sleep(0.5) after each of the two failures")

if __name__ == "__main__":
    unittest.main()
