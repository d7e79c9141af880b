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
import collections
import datetime
import decimal
import fractions
import functools
import importlib
import importlib.abc
import importlib.util
import inspect
import io
import json
import os
import pickle
import struct
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


def run(events_fd: int, nonce: str, solution=None) -> None:
    """Loads tests.py (which imports solution.py, or the stand-in `solution` given, as a module or as
    (None, load error message, output)), runs it, and reports over events_fd; never returns."""
    events = os.fdopen(events_fd, "w", encoding="utf-8", closefd=False)

    def emit(kind, **fields):
        events.write(json.dumps({"nonce": nonce, "kind": kind, **fields}) + "\n")
        events.flush()

    guard = _Guard()
    _watch_machinery(guard, _Result)
    if isinstance(solution, tuple):
        emit("load-error", message=solution[1], output=solution[2])
        os._exit(0)
    if solution is not None:
        sys.modules["solution"] = solution
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


# --- Isolated grading: the learner's code in its own process, the tests calling it across a pipe. ---
#
# For an exercise marked "isolated" (assessments), the loader forks two processes: one imports
# solution.py and answers calls; the other runs the tests against a stand-in `solution` module whose
# functions send their arguments over a pipe and wait for the answer. The learner's code never runs in
# the tests' process (which is not dumpable, so it cannot be traced or read either): it cannot patch
# unittest, reach the results pipe or read the nonce. Answers must be plain data (numbers, strings,
# lists, dicts, sets, tuples, dates, Decimal...): anything else, such as an object whose __eq__ always
# says True, is refused when it arrives.

# The classes an answer may be built of; unpickling anything else is refused (and never runs code).
PLAIN_CLASSES = frozenset(
    [("builtins", n) for n in ("set", "frozenset", "bytearray", "complex", "slice", "range")]
    + [("builtins", n) for n in ("list", "dict", "int", "str", "float", "tuple")]  # defaultdict factories
    + [("collections", n) for n in ("OrderedDict", "defaultdict", "deque", "Counter")]
    + [("datetime", n) for n in ("date", "datetime", "time", "timedelta", "timezone")]
    + [("decimal", "Decimal"), ("fractions", "Fraction")]
)


MESSAGE_BYTES = 32 * 1024 * 1024


# Imported here, before any learner file exists, so looking them up never reads /work.
_PLAIN_MODULES = {m.__name__: m for m in (builtins, collections, datetime, decimal, fractions)}


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles plain data only: a class is looked up only if listed, and no module is ever imported."""

    def find_class(self, module, name):
        if (module, name) in PLAIN_CLASSES:
            return getattr(_PLAIN_MODULES[module], name)
        value = getattr(builtins, name, None) if module == "builtins" else None
        if isinstance(value, type) and issubclass(value, Exception):
            return value
        raise pickle.UnpicklingError(f"{module}.{name}")


class _SourceFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports tests.py and the helper modules from the job's text, never from /work, which the
    learner's process can write: in the tests' process nothing of /work is ever read."""

    def __init__(self, sources):
        self.sources = sources

    def find_spec(self, name, path=None, target=None):
        if name in self.sources:
            return importlib.util.spec_from_loader(name, self, origin=f"/work/{name}.py")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(compile(self.sources[module.__name__], module.__spec__.origin, "exec"), module.__dict__)


def tests_apart(files):
    """In the tests' process of an isolated job: /work off the import path, the test files served from memory."""
    sys.path[:] = [p for p in sys.path if p != "/work"]
    sources = {n[:-3]: text for n, text in files.items() if n.endswith(".py") and n != "solution.py"}
    sys.meta_path.insert(0, _SourceFinder(sources))


def _send(fd, value):
    data = pickle.dumps(value, protocol=4)
    data = struct.pack(">I", len(data)) + data
    while data:
        data = data[os.write(fd, data):]


def _receive(fd, plain):
    def exactly(n):
        chunks = b""
        while len(chunks) < n:
            chunk = os.read(fd, n - len(chunks))
            if not chunk:
                raise EOFError("the solution's process ended")
            chunks += chunk
        return chunks

    size = struct.unpack(">I", exactly(4))[0]
    if size > MESSAGE_BYTES:
        raise EOFError("the solution's process sent something that is not an answer")
    data = exactly(size)
    return _PlainUnpickler(io.BytesIO(data)).load() if plain else pickle.loads(data)


def _plain_error(error):
    """An exception as the tests' process may receive it: its nearest built-in type, and the learner's line."""
    where = _where(error.__traceback__)
    kind = next(
        (k for k in type(error).__mro__ if k.__module__ == "builtins" and issubclass(k, Exception)), RuntimeError
    )
    if kind is type(error):
        try:
            pickle.dumps(error, protocol=4)
            return error, where
        except Exception:  # noqa: BLE001  arguments that do not pickle: keep the text
            pass
    prefix = "" if kind is type(error) else f"{type(error).__name__}: "
    return kind(f"{prefix}{error}"), where


def serve_solution(requests_fd, answers_fd):
    """In the learner's process: imports solution.py, then answers calls until the pipe closes; never returns."""
    out = _CappedText()
    sys.stdout = sys.stderr = out
    try:
        module = importlib.import_module("solution")
    except BaseException as error:
        _send(answers_fd, ("load-error", load_error(error), out.text(OUTPUT_LIMIT)))
        os._exit(0)
    names = {}
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, type(sys)):
            continue
        names[name] = "call" if callable(value) else "value"
    _send(answers_fd, ("loaded", names, out.text(OUTPUT_LIMIT)))
    while True:
        try:
            kind, name, args, kwargs = _receive(requests_fd, plain=False)
        except EOFError:
            os._exit(0)
        out = _CappedText()
        sys.stdout = sys.stderr = out
        try:
            value = getattr(module, name)
            value = value(*args, **kwargs) if kind == "call" else value
            try:
                answer = ("ok", pickle.dumps(value, protocol=4), None)
            except Exception as error:  # noqa: BLE001  a generator, a lambda, an open file...
                answer = ("refused", b"", f"{type(value).__name__}: {error}")
        except BaseException as error:  # noqa: BLE001  the learner's error, sent for the test to see
            plain, where = _plain_error(error)
            answer = ("raise", pickle.dumps(plain, protocol=4), where)
        printed = out.text(OUTPUT_LIMIT)
        _send(answers_fd, (*answer, printed))


def remote_solution(requests_fd, answers_fd):
    """In the tests' process: a stand-in `solution` module whose functions run in the learner's process."""
    try:
        status, detail, output = _receive(answers_fd, plain=True)
    except Exception:  # noqa: BLE001  it ended (os._exit, a crash) or sent something else
        return (None, "solution.py ended its process (or wrote over its answers) while it was loading, so the tests never ran.", "")
    module = type(sys)("solution")
    module.__file__ = "solution.py"
    if status == "load-error":
        return (None, detail, output)

    def ask(kind, name, args=(), kwargs=None):
        _send(requests_fd, (kind, name, args, kwargs or {}))
        try:
            outcome, payload, where, printed = _receive(answers_fd, plain=True)
        except EOFError:
            raise RuntimeError("The solution's process ended (an exit() or a crash) during this call.") from None
        if printed:
            sys.stdout.write(printed)
        if outcome == "refused":
            raise TypeError(f"`{name}` gave an answer that cannot be sent back ({where}): return plain data")
        try:
            value = _PlainUnpickler(io.BytesIO(payload)).load()
        except pickle.UnpicklingError as error:
            raise TypeError(
                f"`{name}` returned something that is not plain data ({error}): an assessment's functions "
                "return numbers, strings, lists, dicts, tuples or sets"
            ) from None
        if outcome == "raise":
            if where:
                value.add_note(f"({where})")
            raise value
        return value

    def remote(name):
        def call(*args, **kwargs):
            return ask("call", name, args, kwargs)

        call.__name__ = call.__qualname__ = name
        return call

    values = {name for name, kind in detail.items() if kind == "value"}

    def value_of(name):  # a module-level value, fetched when a test reads it (it must be plain data too)
        if name not in values:
            raise AttributeError(f"module 'solution' has no attribute '{name}'")
        return ask("value", name)

    for name, kind in detail.items():
        if kind == "call":
            setattr(module, name, remote(name))
    module.__getattr__ = value_of
    return module
