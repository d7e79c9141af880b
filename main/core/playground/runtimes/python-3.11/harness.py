"""Runs an exercise's unittest tests against the learner's solution.py and reports one result per
test, in the spirit of Exercism's test-runner results.json (version 3): name, status (pass, fail,
error), message and the output the test printed. The report goes to the original stdout, after a
marker line carrying the run's nonce, so what the learner's code prints cannot be taken for it."""

import contextlib
import io
import json
import os
import sys
import traceback
import unittest

OUTPUT_LIMIT = 500
MESSAGE_LIMIT = 2000


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


class _Result(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.tests = []
        self._out = None

    def startTest(self, test):
        super().startTest(test)
        self._out = io.StringIO()
        self._redirect = contextlib.ExitStack()
        self._redirect.enter_context(contextlib.redirect_stdout(self._out))
        self._redirect.enter_context(contextlib.redirect_stderr(self._out))

    def _record(self, test, status, message=None):
        self._redirect.close()
        output = self._out.getvalue()
        entry = {"name": test._testMethodName, "status": status}
        if message:
            entry["message"] = message
        if output:
            entry["output"] = output[:OUTPUT_LIMIT] + ("\n[output cut]" if len(output) > OUTPUT_LIMIT else "")
        self.tests.append(entry)

    def addSuccess(self, test):
        self._record(test, "pass")

    def addFailure(self, test, err):
        self._record(test, "fail", _message(err, True))

    def addError(self, test, err):
        self._record(test, "error", _message(err, False))

    def addSkip(self, test, reason):
        self._record(test, "pass", f"skipped: {reason}")


def run(nonce: str) -> int:
    report_fd = os.dup(1)
    report = {"version": 3, "status": "pass", "tests": []}
    try:
        with contextlib.redirect_stdout(io.StringIO()) as early:
            suite = unittest.defaultTestLoader.loadTestsFromName("tests")
        result = _Result()
        suite.run(result)
        report["tests"] = result.tests
        if early.getvalue():
            report["output"] = early.getvalue()[:OUTPUT_LIMIT]
        if any(t["status"] != "pass" for t in result.tests):
            report["status"] = "fail"
    except BaseException:  # the solution does not even import: a syntax error, a missing name
        kind, error, tb = sys.exc_info()
        report["status"] = "error"
        where = _where(tb)
        if isinstance(error, SyntaxError) and error.filename and error.filename.endswith("solution.py"):
            where = f"solution.py, line {error.lineno}"
        text = "".join(traceback.format_exception_only(kind, error)).strip().splitlines()[-1]
        report["message"] = f"{text} ({where})" if where else text
    with os.fdopen(report_fd, "w", encoding="utf-8") as out:
        out.write(f"\n@@lionlearn-results {nonce}@@{json.dumps(report)}\n")
    return 0
