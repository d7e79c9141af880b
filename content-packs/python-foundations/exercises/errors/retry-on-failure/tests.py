import unittest

from solution import call_with_retries


class FlakyAction:
    """Fails with the given exceptions, in order, then returns "ok". Counts its calls."""

    def __init__(self, *failures):
        self.failures = list(failures)
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


class CallWithRetriesTests(unittest.TestCase):
    def test_success_on_first_try_calls_once(self):
        action = FlakyAction()
        self.assertEqual(call_with_retries(action, 3), "ok")
        self.assertEqual(action.calls, 1, "a call that works should not be repeated")

    def test_retries_after_connection_errors(self):
        action = FlakyAction(ConnectionError("timeout"), ConnectionError("reset"))
        self.assertEqual(call_with_retries(action, 3), "ok", "the third attempt succeeds, so its result is returned")
        self.assertEqual(action.calls, 3)

    def test_subclasses_of_connection_error_are_retried(self):
        action = FlakyAction(ConnectionRefusedError("refused"))
        self.assertEqual(call_with_retries(action, 2), "ok", "ConnectionRefusedError is a ConnectionError too")

    def test_last_error_is_reraised_when_attempts_run_out(self):
        action = FlakyAction(ConnectionError("first"), ConnectionError("second"), ConnectionError("third"))
        with self.assertRaises(ConnectionError) as caught:
            call_with_retries(action, 2)
        self.assertEqual(str(caught.exception), "second", "the error of the last allowed attempt should propagate")
        self.assertEqual(action.calls, 2, "action must not be called more than `attempts` times")

    def test_other_errors_are_not_retried(self):
        action = FlakyAction(KeyError("missing"), ConnectionError("never reached"))
        with self.assertRaises(KeyError, msg="a KeyError is not a network problem and should propagate"):
            call_with_retries(action, 5)
        self.assertEqual(action.calls, 1, "only ConnectionError should trigger a retry")

    def test_zero_attempts_is_rejected(self):
        action = FlakyAction()
        with self.assertRaises(ValueError, msg="attempts below 1 make no sense"):
            call_with_retries(action, 0)
        self.assertEqual(action.calls, 0, "action must not be called when attempts is invalid")


if __name__ == "__main__":
    unittest.main()
