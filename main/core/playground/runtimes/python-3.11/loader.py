"""Started ahead of time in a fresh sandbox container; waits for one job on stdin, then runs it.

A job is one JSON object: {"mode": "run" | "test", "files": {name: text}, "stdin": text, "nonce": text,
"entry": name, "returnFiles": bool}. "run" executes the entry file (main.py) as __main__ and, when asked,
reports the text files left in /work (a scratch workspace keeps them); "test" runs tests.py against
solution.py with the harness. The container serves this one job and is then removed."""

import io
import json
import os
import runpy
import stat
import sys
import traceback

FILES_LIMIT = 1024 * 1024


def write_files(files: dict) -> None:
    for name, text in files.items():
        if "/" in name or name.startswith("."):
            raise SystemExit(f"bad file name {name!r}")
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(text)


def report_files(report_fd: int, nonce: str) -> None:
    """The text files in /work after the run; binary files and those past the limit are left out."""
    files, total = {}, 0
    for name in sorted(os.listdir("/work")):
        info = os.lstat(name)
        if not stat.S_ISREG(info.st_mode) or total + info.st_size > FILES_LIMIT:
            continue
        try:
            with open(name, encoding="utf-8") as handle:
                files[name] = handle.read()
        except (UnicodeDecodeError, OSError):
            continue
        total += info.st_size
    with os.fdopen(report_fd, "w", encoding="utf-8") as out:
        out.write(f"\n@@lionlearn-results {nonce}@@{json.dumps({'files': files})}\n")


def run_entry(entry: str) -> int:
    try:
        runpy.run_path(entry, run_name="__main__")
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
        while tb is not None and tb.tb_frame.f_code.co_filename != entry:
            tb = tb.tb_next
        traceback.print_exception(kind, error, tb)
        return 1
    return 0


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    os.chdir("/work")
    write_files(job["files"])
    sys.stdin = io.StringIO(job.get("stdin", ""))
    sys.path.insert(0, "/work")
    if job["mode"] == "test":
        sys.path.insert(0, "/opt/lionlearn")
        import harness

        return harness.run(job["nonce"])
    report_fd = os.dup(1)
    code = run_entry(job.get("entry", "main.py"))
    sys.stdout.flush()
    sys.stderr.flush()
    if job.get("returnFiles"):
        report_files(report_fd, job["nonce"])
    return code


if __name__ == "__main__":
    sys.exit(main())
