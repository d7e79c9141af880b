"""Started ahead of time in a fresh sandbox container; waits for one job on stdin, then runs it.

A job is one JSON object: {"mode": "run" | "test", "files": {name: text}, "stdin": text, "nonce": text,
"entry": name, "returnFiles": bool}. "run" executes the entry file (main.py) as __main__ and, when asked,
reports the text files left in /work (a scratch workspace keeps them); "test" runs tests.py against
solution.py with the harness. The container serves this one job and is then removed."""

import io
import json
import math
import os
import resource
import runpy
import select
import signal
import stat
import sys
import time
import traceback

# Imported while the container waits for its job, so a test run does not pay for unittest's imports.
sys.path.insert(0, "/opt/lionlearn")
import harness  # noqa: E402,F401

sys.path.pop(0)

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


# The supervisor's own exit codes (sandbox-run.ts reads them): the run passed its deadline, or the
# kernel killed a process of it for memory. A program exiting with them on purpose only mislabels itself.
EXIT_DEADLINE = 252
EXIT_OOM = 251
DEADLINE_GRACE_S = 1.0


def _oom_kills() -> int:
    """The container's OOM kills so far (cgroup v2, else v1); 0 where the counter cannot be read."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path, encoding="ascii") as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return 0


def enforce_limits() -> None:
    """The run's limits held inside the container, so they hold even when the app that started it is gone.

    The job runs in a child; this process stays pid 1, which the job's processes cannot signal (the
    kernel drops signals to a pid namespace's init that it does not handle) or trace (not dumpable).
    At the deadline it exits, and the kernel kills everything else in the container. The child gets
    a hard RLIMIT_CPU from the same timeout. When the child is done, pid 1 writes one exit line, with
    the run's nonce, to stdout and to stderr: the app answers from it without waiting for Docker to
    tear the container down, and the container, started with AutoRemove, removes itself."""
    data = sys.stdin.buffer.read()
    job = json.loads(data.decode("utf-8"))
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    limits = job.get("limits", {})
    timeout_s = float(limits.get("timeoutMs", 10_000)) / 1000
    started = time.monotonic()
    child = os.fork()
    if child == 0:
        # CPU seconds: the wall-clock timeout on every CPU the run may use, so it never cuts a run short.
        cpu = math.ceil(timeout_s * max(1.0, float(limits.get("cpus", 1)))) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
        try:  # the OOM killer picks the job's processes before this one
            with open("/proc/self/oom_score_adj", "w", encoding="ascii") as handle:
                handle.write("1000")
        except OSError:
            pass
        if job.get("mode") != "test":
            sys.modules.pop("harness", None)  # a scratch file named harness.py is the learner's
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes  # noqa: PLC0415  only pid 1 needs it

        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: no ptrace from the job's processes
    except (OSError, AttributeError):
        pass
    done = os.pidfd_open(child)
    left = timeout_s + DEADLINE_GRACE_S - (time.monotonic() - started)
    if not select.select([done], [], [], max(0.0, left))[0]:
        os._exit(EXIT_DEADLINE)
    _, status = os.waitpid(child, 0)
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        code = EXIT_OOM if -code == signal.SIGKILL and _oom_kills() > 0 else 128 - code
    line = f"\n@@lionlearn-exit {job.get('nonce', '')}@@{code}\n".encode("ascii")
    for fd in (1, 2):
        try:
            os.write(fd, line)
        except OSError:
            pass
    os._exit(code)


def main() -> int:
    enforce_limits()
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
