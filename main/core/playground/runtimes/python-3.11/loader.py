"""Started ahead of time in a fresh sandbox container; waits for one job on stdin, then runs it.

A job is one JSON object: {"mode": "run" | "test", "files": {name: text}, "stdin": text, "nonce": text}.
"run" executes main.py as __main__; "test" runs tests.py against solution.py with the harness.
The container is used for this one job and then removed, so nothing here needs cleaning up."""

import io
import json
import os
import runpy
import sys
import traceback


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    os.chdir("/work")
    for name, text in job["files"].items():
        if "/" in name or name.startswith("."):
            raise SystemExit(f"bad file name {name!r}")
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(text)
    sys.stdin = io.StringIO(job.get("stdin", ""))
    sys.path.insert(0, "/work")
    if job["mode"] == "test":
        sys.path.insert(0, "/opt/lionlearn")
        import harness

        return harness.run(job["nonce"])
    try:
        runpy.run_path("main.py", run_name="__main__")
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except BaseException:  # the learner's error, shown as Python shows it, minus our frames
        kind, error, tb = sys.exc_info()
        while tb is not None and tb.tb_frame.f_code.co_filename != "main.py":
            tb = tb.tb_next
        traceback.print_exception(kind, error, tb)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
