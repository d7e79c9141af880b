"""Runs an exercise's unittest tests against the learner's solution.py, in the child process the loader
forks, and sends one outcome per test to the loader over the results pipe, in the spirit of Exercism's
test-runner results.json (version 3): name, status (pass, fail, error), message and the output the
test printed. The loader, a process the learner's code cannot reach, counts the outcomes and decides
the verdict; this side only reports what unittest saw.

Every line on the results pipe is JSON carrying the run's nonce, so bytes the learner's code writes to
an open descriptor are told apart from ours. A solution that changes the test machinery (unittest's
classes, the test classes, builtins) is caught by a guard that compares them, after every test, with
what they were before the solution loaded. Code written to cheat on purpose can still get round both
from inside this process; the README's Code sandboxes section says so."""

import builtins
import functools
import importlib
import inspect
import io
import json
import os
import sys
import traceback
import unittest
import unittest.case
import unittest.result
import unittest.suite

# Loaded before the solution, so a test's own `import unittest.mock` changes nothing the guard watches.
import unittest.async_case  # noqa: F401
import unittest.mock  # noqa: F401

unittest.IsolatedAsyncioTestCase  # noqa: B018  (unittest binds it lazily, on first use)

OUTPUT_LIMIT = 500
MESSAGE_LIMIT = 2000
# What a test may print before the rest is dropped as it is written (never buffered past this).
CAPTURE_LIMIT = 16 * 1024


class _CappedText(io.TextIOBase):
    """A stdout for one test: keeps the first CAPTURE_LIMIT characters, counts and drops the rest."""

    def __init__(self):
        super().__init__()
        self.kept = []
        self.size = 0
        self.dropped = 0

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = CAPTURE_LIMIT - self.size
        if room > 0:
            self.kept.append(text[:room])
            self.size += min(room, len(text))
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def text(self, limit):
        text = "".join(self.kept)
        if self.dropped or len(text) > limit:
            return text[:limit] + "\n[output cut]"
        return text


def _where(tb) -> str:
    """The learner's lines in a traceback: 'solution.py, line 7, in total'."""
    frames = [f for f in traceback.extract_tb(tb) if os.path.basename(f.filename) == "solution.py"]
    return "; ".join(f"solution.py, line {f.lineno}, in {f.name}" for f in frames)


def _message(err, failed: bool) -> str:
    kind, error, tb = err
    text = "".join(traceback.format_exception_only(kind, error)).strip()
    if failed:
        # An assertion's own message is what the learner needs; the stack is the test's, not theirs.
        return text.removeprefix("AssertionError: ")[:MESSAGE_LIMIT]
    where = _where(tb)
    return (f"{text} ({where})" if where else text)[:MESSAGE_LIMIT]


def load_error(error: BaseException) -> str:
    """Why tests.py could not load solution.py, in the learner's terms, with their line when there is one."""
    tb = error.__traceback__
    where = _where(tb)
    if isinstance(error, SyntaxError) and error.filename and error.filename.endswith("solution.py"):
        where = f"solution.py, line {error.lineno}"
    if isinstance(error, ImportError) and error.name == "solution" and "cannot import name" in str(error):
        missing = str(error).split("'")[1] if "'" in str(error) else "?"
        solution = sys.modules.get("solution")
        defined = sorted(n for n in vars(solution) if not n.startswith("_")) if solution else []
        has = f" (it defines: {', '.join(defined[:12])})" if defined else " (it defines nothing the tests can use)"
        return f"The tests need `{missing}` from solution.py, but solution.py has no `{missing}`{has}."
    if isinstance(error, SystemExit):
        return f"solution.py called exit() while it was loading ({where or 'solution.py'}); the tests never ran."
    text = "".join(traceback.format_exception_only(type(error), error)).strip().splitlines()[-1]
    return (f"{text} ({where})" if where else text)[:MESSAGE_LIMIT]


# What unittest itself writes on test classes as it runs them (suite.py, case.py): not a change.
UNITTEST_BOOKKEEPING = frozenset({"_", "tearDown_exceptions", "_classSetupFailed"})


class _Guard:
    """Remembers what the test machinery was; says what the code under test changed since."""

    def __init__(self):
        self._watched = []

    def watch(self, label, namespace, added_too):
        """Names of a namespace that must keep their objects; for a class, new names count too (an override)."""
        self._watched.append((label, namespace, dict(namespace), added_too))

    def changed(self):
        for label, namespace, before, added_too in self._watched:
            now = dict(namespace)
            keys = before.keys() | now.keys() if added_too else before.keys()
            for key in keys:
                if key not in UNITTEST_BOOKKEEPING and before.get(key, self) is not now.get(key, self):
                    return f"{label}.{key}"
        return None


def _watch_machinery(guard, result_class):
    guard.watch("builtins", builtins.__dict__, False)
    guard.watch("sys.modules", _MachineryModules(), False)
    for module in (unittest, unittest.case, unittest.result, unittest.suite):
        guard.watch(module.__name__, module.__dict__, False)
    for cls in (unittest.TestCase, unittest.case._Outcome, unittest.TestResult, unittest.suite.BaseTestSuite,
                unittest.TestSuite, result_class):
        guard.watch(cls.__qualname__, cls.__dict__, True)


class _MachineryModules(dict):
    """The entries of sys.modules the harness relies on, read afresh at each look."""

    NAMES = ("unittest", "unittest.case", "unittest.result", "unittest.suite")

    def keys(self):
        return set(self.NAMES)

    def __iter__(self):
        return iter(self.NAMES)

    def __getitem__(self, key):
        return sys.modules.get(key)

    def get(self, key, default=None):
        return sys.modules.get(key, default)


def _watch_end(test):
    """A flag list that the test method sets when it returns, wrapped on this one test instance."""
    ended = []
    method = getattr(test, getattr(test, "_testMethodName", ""), None)
    if method is None:
        return [True]

    if inspect.iscoroutinefunction(method):  # an IsolatedAsyncioTestCase's test: it ends when awaited

        async def run_to_end(*args, **kwargs):
            value = await method(*args, **kwargs)
            ended.append(True)
            return value

    else:

        def run_to_end(*args, **kwargs):
            value = method(*args, **kwargs)
            ended.append(True)
            return value

    # Keeps the method's marks (expectedFailure, skip) that unittest reads from it.
    setattr(test, test._testMethodName, functools.update_wrapper(run_to_end, method))
    return ended


class _Result(unittest.TestResult):
    """Collects one outcome per test method; subtests fold into their test (as unittest counts them)."""

    def __init__(self, emit, guard):
        super().__init__()
        self._emit = emit
        self._guard = guard
        self._state = None
        self._saved = None

    def startTest(self, test):
        super().startTest(test)
        out = _CappedText()
        self._state = {"status": "pass", "messages": [], "out": out, "ended": _watch_end(test)}
        self._saved = (sys.stdout, sys.stderr)
        sys.stdout = sys.stderr = out

    def _mark(self, status, message):
        state = self._state
        if state is None:
            return False
        if status == "error" or (status == "fail" and state["status"] == "pass"):
            state["status"] = status
        if message:
            state["messages"].append(message)
        return True

    def stopTest(self, test):
        super().stopTest(test)
        state, self._state = self._state, None
        if self._saved:
            sys.stdout, sys.stderr = self._saved
        if state["status"] == "pass" and not state["ended"] and not state["messages"]:
            # unittest swallows its internal _ShouldStop: a test cut short that way must not pass.
            state["status"] = "error"
            state["messages"].append("The test stopped before its end, so it did not pass.")
        entry = {"id": test.id(), "name": getattr(test, "_testMethodName", str(test)), "status": state["status"]}
        if state["messages"]:
            entry["message"] = "\n".join(state["messages"])[:MESSAGE_LIMIT]
        output = state["out"].text(OUTPUT_LIMIT)
        if output:
            entry["output"] = output
        self._emit("test", **entry)
        changed = self._guard.changed()
        if changed:
            self._emit("tampered", what=changed)
            self.stop()

    def addSuccess(self, test):
        super().addSuccess(test)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._mark("fail", _message(err, True))

    def addError(self, test, err):
        super().addError(test, err)
        if not self._mark("error", _message(err, False)):
            # setUpClass / setUpModule: not a test, so unittest does not count it; nor do we.
            self._emit("fixture", message=f"{test}: {_message(err, False)}")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._mark("fail" if failed else "error", f"{subtest._subDescription()}: {_message(err, failed)}")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        # unittest counts a skip as OK; a grade does not: code under test can raise SkipTest itself.
        if not self._mark("fail", f"skipped ({reason}), so not passed"):
            self._emit("fixture-skip", message=f"{test}: skipped: {reason}")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._mark("pass", "failed, as this test expects")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._mark("fail", "This test expects the code to fail, but it passed.")


def run(events_fd: int, nonce: str) -> None:
    """Loads tests.py (which imports solution.py), runs it, and reports over events_fd; never returns."""
    events = os.fdopen(events_fd, "w", encoding="utf-8", closefd=False)

    def emit(kind, **fields):
        events.write(json.dumps({"nonce": nonce, "kind": kind, **fields}) + "\n")
        events.flush()

    guard = _Guard()
    _watch_machinery(guard, _Result)
    early = _CappedText()
    saved = (sys.stdout, sys.stderr)
    sys.stdout = sys.stderr = early
    try:
        module = importlib.import_module("tests")
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except BaseException as error:  # the solution does not load: a syntax error, a missing name, exit()
        sys.stdout, sys.stderr = saved
        emit("load-error", message=load_error(error), output=early.text(OUTPUT_LIMIT))
        os._exit(0)
    sys.stdout, sys.stderr = saved
    changed = guard.changed()
    if changed:
        emit("tampered", what=changed)
        os._exit(0)
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, unittest.TestCase):
            guard.watch(value.__qualname__, value.__dict__, True)
    emit("loaded", count=suite.countTestCases(), output=early.text(OUTPUT_LIMIT))
    result = _Result(emit, guard)
    suite.run(result)
    sys.stdout.flush()
    sys.stderr.flush()
    emit("done")
    # No atexit handlers, no finalizers: nothing of the learner's runs after the last outcome.
    os._exit(0)
