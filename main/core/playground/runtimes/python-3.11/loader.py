"""Started ahead of time in a fresh sandbox container; waits for one job on stdin, then runs it.

A job is one JSON object: {"mode": "run" | "test", "files": {name: text}, "stdin": text, "entry": name,
"returnFiles": bool, "outputBytes": int, "timeoutMs": int, "cpus": float}. "run" executes the entry file
(main.py) as __main__ and, when asked, reports the text files left in /work (a scratch workspace keeps
them); "test" runs tests.py against solution.py with the harness. The container serves this one job and is then removed.

The loader is the container's first process and the only writer of its stdout. It forks a child that
runs the learner's code (and, for a test job, the tests); the child's stdout and stderr are pipes the
loader reads and caps as they are written, and the tests' outcomes come back on a third pipe. The
loader writes frames: one byte of kind (o: the program's stdout, e: its stderr, r: the report, JSON,
x: the end, empty), four bytes of length, then the bytes. The child never holds the container's
stdout, so nothing it prints or writes can pass for a frame, and the verdict of a test job is computed
here, from one outcome per test, in a process the child cannot trace (it is not dumpable) or signal
(the kernel ignores signals to a namespace's first process that it does not handle).

The limits hold here too, so they hold when the app that started the run is gone: at the job's
deadline the loader kills every other process in the container, reports, and exits (the container,
started with AutoRemove and no Docker log, removes itself); the child has a hard RLIMIT_CPU from the
same timeout and goes first when the container runs out of memory (oom_score_adj)."""

import importlib.util
import io
import json
import math
import os
import re
import resource
import runpy
import secrets
import selectors
import signal
import stat
import struct
import sys
import time
import traceback

# What a scratch workspace keeps (common/contract/playground.ts, workspaceFilesSchema).
FILES_MAX = 50
FILE_CHARS_MAX = 200_000
FILE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")
EVENTS_LIMIT = 8 * 1024 * 1024
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# After the deadline's kill, how long the loader waits for the pipes to close before it reports anyway.
DRAIN_AFTER_KILL_S = 1.0


def write_files(files: dict) -> None:
    for name, text in files.items():
        if "/" in name or name.startswith("."):
            raise SystemExit(f"bad file name {name!r}")
        with open(name, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(text)


def not_text(files: dict) -> str | None:
    """A file holding a lone surrogate (half of an emoji, pasted badly) cannot be Python source."""
    for name, text in files.items():
        found = LONE_SURROGATE.search(text)
        if found:
            line = text.count("\n", 0, found.start()) + 1
            return (
                f"{name}, line {line}, holds a character that is not text ({ascii(found.group())}, half of an "
                "emoji or symbol that was pasted badly). Delete it and type it again."
            )
    return None


def collect_files() -> tuple[dict, list]:
    """The text files in /work after the run, and the ones left out with the reason."""
    files, left_out = {}, []
    for name in sorted(os.listdir("/work")):
        info = os.lstat(name)
        reason = None
        if not stat.S_ISREG(info.st_mode):
            reason = "not a plain file"
        elif not FILE_NAME.match(name):
            reason = "its name is not a plain file name (letters, digits, '_', '.', '-')"
        elif info.st_size > 4 * FILE_CHARS_MAX:
            reason = f"larger than {FILE_CHARS_MAX:,} characters"
        elif len(files) >= FILES_MAX:
            reason = f"a workspace keeps at most {FILES_MAX} files"
        else:
            try:
                with open(name, encoding="utf-8") as handle:
                    text = handle.read()
                # Counted as the app counts string length (UTF-16 units), so an emoji counts twice.
                if len(text.encode("utf-16-le", "surrogatepass")) // 2 > FILE_CHARS_MAX:
                    reason = f"larger than {FILE_CHARS_MAX:,} characters"
                else:
                    files[name] = text
            except UnicodeDecodeError:
                reason = "not UTF-8 text"
            except OSError as error:
                reason = f"unreadable ({error.strerror})"
        if reason:
            left_out.append({"name": name[:200], "reason": reason})
    return files, left_out


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


def protect_self() -> None:
    """Not dumpable: a process of the same user (the learner's) cannot ptrace this one or read its memory."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0
    except (OSError, AttributeError):
        pass
    # A handled signal could reach us from the child; SIGINT is the one Python handles by default.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def load_harness():
    """The harness, imported ahead of the job, and kept out of sys.modules where a solution would look."""
    spec = importlib.util.spec_from_file_location("lionlearn_harness", "/opt/lionlearn/harness.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_frame(kind: bytes, payload: bytes) -> None:
    data = struct.pack(">cI", kind, len(payload)) + payload
    while data:
        data = data[os.write(1, data) :]


def stdin_fd(text: str) -> int:
    """The job's stdin as an unnamed file, so the program can read it by any means (input(), sys.stdin.buffer)."""
    fd = os.open("/tmp", os.O_TMPFILE | os.O_RDWR, 0o600)
    os.write(fd, text.encode("utf-8", "surrogatepass"))
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def fork_into(stdin: int, out_w: int, err_w: int, keep: list, cpu_s: int, body) -> int:
    """Forks a process whose stdin, stdout and stderr are the given descriptors and which holds no other
    descriptor but `keep` (nothing of the container's stdout), with at most `cpu_s` seconds of CPU,
    runs body() there, and returns its pid."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    try:
        os.setpgid(0, 0)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.dup2(stdin, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        start = 3
        for fd in sorted(keep):
            os.closerange(start, fd)
            start = fd + 1
        os.closerange(start, 4096)
        # Each process it forks inherits the limit, so a busy loop ends even if the deadline were missed.
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        try:
            with open("/proc/self/oom_score_adj", "w") as adj:
                adj.write("1000")  # past the memory limit, the learner's process goes first, not the loader
        except OSError:
            pass
        sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding="utf-8")
        # Each line out at once (python -I ignores PYTHONUNBUFFERED): a crash loses nothing printed before it.
        sys.stdout.reconfigure(line_buffering=True)
        sys.stderr.reconfigure(line_buffering=True)
        body()
    except BaseException:
        traceback.print_exc()
    os._exit(70)


def run_program(entry: str) -> None:
    """The body of a run job's process: the entry file as __main__, then the atexit handlers."""
    code = run_entry(entry)
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code & 0xFF)


def start_child(job: dict, harness, nonce: str, cpu_s: int):
    """Forks the process that runs the learner's code (and, for an isolated test job, the separate
    process of the tests); returns the pid to wait for, the read ends of stdout, stderr and results,
    and the descriptor that wakes the loader when a child ends."""
    (out_r, out_w), (err_r, err_w), (events_r, events_w) = [os.pipe() for _ in range(3)]
    stdin = stdin_fd(job.get("stdin", ""))
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so the wakeup fd hears the child end
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
    held = [stdin, out_w, err_w, events_w]
    if job["mode"] != "test":
        pid = fork_into(stdin, out_w, err_w, [], cpu_s, lambda: run_program(job.get("entry", "main.py")))
    elif not job.get("isolated"):
        pid = fork_into(stdin, out_w, err_w, [events_w], cpu_s, lambda: harness.run(events_w, nonce))
    else:
        # The learner's code answers calls in one process; the tests run in another that it cannot touch.
        (requests_r, requests_w), (answers_r, answers_w) = os.pipe(), os.pipe()
        held += [requests_r, requests_w, answers_r, answers_w]

        def solution():
            harness.serve_solution(requests_r, answers_w)

        fork_into(stdin, out_w, err_w, [requests_r, answers_w], cpu_s, solution)

        def tests():
            harness.tests_apart(job["files"])
            harness.run(events_w, nonce, harness.remote_solution(requests_w, answers_r))

        pid = fork_into(stdin, out_w, err_w, [events_w, requests_w, answers_r], cpu_s, tests)
    for fd in held:
        os.close(fd)
    return pid, [out_r, err_r, events_r], wake_r


def supervise(pid: int, fds: list, wake: int, cap: int, deadline: float):
    """Forwards the child's output as frames until the cap and collects its results until it has ended
    and every pipe is closed, or until the deadline (monotonic), when it ends every process of the run;
    returns its wait status (None when it could not be had), the results, whether output was cut and
    whether the deadline passed."""
    out_r, err_r, events_r = fds
    kinds = {out_r: b"o", err_r: b"e"}
    sent = {out_r: 0, err_r: 0}
    events, truncated, timed_out = bytearray(), False, False
    selector = selectors.DefaultSelector()
    for fd in [*fds, wake]:
        selector.register(fd, selectors.EVENT_READ)
    status = None
    while status is None or len(selector.get_map()) > 1:
        left = deadline - time.monotonic()
        if left <= 0:
            if timed_out:
                break  # killed, yet a pipe stays open (a process the kernel has not let go): report anyway
            timed_out = True
            stop_all(pid)
            deadline = time.monotonic() + DRAIN_AFTER_KILL_S
            continue
        for key, _ in selector.select(left):
            chunk = os.read(key.fd, 65536)
            if key.fd == wake:
                continue
            if not chunk:
                selector.unregister(key.fd)
            elif key.fd == events_r:
                if len(events) < EVENTS_LIMIT:
                    events += chunk
            elif not truncated:
                room = cap - sent[key.fd]
                if room > 0:
                    write_frame(kinds[key.fd], chunk[:room])
                    sent[key.fd] += min(room, len(chunk))
                if len(chunk) > room:
                    truncated = True
                    stop_all(pid)
        if status is None:
            done, wait_status = os.waitpid(pid, os.WNOHANG)
            if done:
                # What the program left running would hold the pipes open: end it, then read to the end.
                status = wait_status
                stop_all(pid)
    return status, bytes(events), truncated, timed_out


def stop_all(pid: int) -> None:
    """Ends every process the run started: as the namespace's first process, every one but this."""
    try:
        os.kill(-1, signal.SIGKILL) if os.getpid() == 1 else os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


def exit_of(status: int | None) -> dict:
    if status is None:
        return {"code": 128 + signal.SIGKILL, "signal": signal.SIGKILL}
    if os.WIFSIGNALED(status):
        return {"code": 128 + os.WTERMSIG(status), "signal": os.WTERMSIG(status)}
    return {"code": os.WEXITSTATUS(status), "signal": None}


def oom_kills() -> int:
    """The container's OOM kills so far (cgroup v2, else v1); 0 where the counter cannot be read."""
    for path in ("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"):
        try:
            with open(path, encoding="ascii") as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except (OSError, ValueError):
            continue
    return 0


def judge(events: bytes, nonce: str, exit: dict) -> dict:
    """The verdict of a test job from the outcomes the child sent: one per test it said it loaded."""
    tests, seen, fixtures = [], set(), []
    loaded = finished = None
    grading = {"status": "error", "tests": []}
    for line in events.decode("utf-8", "replace").splitlines():
        try:
            event = json.loads(line)
            assert isinstance(event, dict) and event.get("nonce") == nonce
        except (ValueError, AssertionError):
            return {**grading, "problem": "tampered", "what": "the results pipe"}
        kind = event.get("kind")
        if finished or kind == "tampered":
            return {**grading, "problem": "tampered", "what": str(event.get("what", "the results pipe"))[:200]}
        if kind == "load-error":
            grading["message"] = str(event.get("message"))
            if event.get("output"):
                grading["output"] = event["output"]
            return grading
        if kind == "loaded" and loaded is None:
            loaded = event
        elif kind == "test" and loaded is not None and event.get("id") not in seen:
            seen.add(event.get("id"))
            tests.append({k: event[k] for k in ("name", "status", "message", "output") if k in event})
        elif kind in ("fixture", "fixture-skip") and loaded is not None:
            fixtures.append(event)
        elif kind == "done" and loaded is not None:
            finished = True
        else:
            return {**grading, "problem": "tampered", "what": "the results pipe"}
    if not finished:
        return {**grading, "tests": tests, "problem": "crashed" if exit["signal"] else "ended-early"}
    count = loaded.get("count")
    if len(tests) != count and not fixtures:
        return {**grading, "tests": tests, "problem": "tampered", "what": "the number of tests"}
    failed = [f for f in fixtures if f["kind"] == "fixture"]
    grading["tests"] = tests
    grading["status"] = "fail" if failed or any(t["status"] != "pass" for t in tests) else "pass"
    messages = [str(f.get("message"))[:2000] for f in fixtures]
    if messages:
        grading["message"] = "\n".join(messages)
    if loaded.get("output"):
        grading["output"] = loaded["output"]
    return grading


def serve(job: dict, harness, started: float) -> int:
    """Runs the job in a child, then writes the report frame; the container's exit code is the child's."""
    report = {"exit": {"code": 0, "signal": None}, "truncated": False, "timedOut": False, "oomKilled": False}
    problem = not_text(job["files"])
    if problem:
        if job["mode"] == "test":
            report["grading"] = {"status": "error", "tests": [], "message": problem}
        else:
            write_frame(b"e", (problem + "\n").encode())
            report["exit"]["code"] = 1
        write_frame(b"r", json.dumps(report).encode())
        return report["exit"]["code"]
    write_files(job["files"])
    nonce = secrets.token_hex(16)
    timeout_s = int(job.get("timeoutMs", 10_000)) / 1000
    # CPU seconds: the timeout on every CPU the run may use, so the limit never cuts a run short of it.
    cpu_s = math.ceil(timeout_s * max(1.0, float(job.get("cpus", 1)))) + 2
    kills_before = oom_kills()
    pid, fds, wake = start_child(job, harness, nonce, cpu_s)
    cap = int(job.get("outputBytes", 64 * 1024))
    status, events, truncated, timed_out = supervise(pid, fds, wake, cap, started + timeout_s)
    report["exit"], report["truncated"], report["timedOut"] = exit_of(status), truncated, timed_out
    # Any process of the run killed for memory, as Docker's OOMKilled says (the loader is spared: oom_score_adj).
    report["oomKilled"] = oom_kills() > kills_before
    if job["mode"] == "test":
        report["grading"] = judge(events, nonce, report["exit"])
    elif job.get("returnFiles"):
        report["files"], report["filesLeftOut"] = collect_files()
    write_frame(b"r", json.dumps(report).encode())
    return report["exit"]["code"]


def main() -> int:
    job = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
    started = time.monotonic()  # the deadline counts from the job's arrival
    os.chdir("/work")
    sys.path.insert(0, "/work")
    return serve(job, HARNESS, started)


if __name__ == "__main__":
    protect_self()
    HARNESS = load_harness()
    exit_code = main()
    # The last frame: the app answers on it, without waiting for the container to stop.
    write_frame(b"x", b"")
    # No interpreter teardown (unittest, asyncio, ctypes are loaded): the container ends at once.
    os._exit(exit_code)
