"""Runs every ```python block of a pack's lessons, in order per lesson (like a notebook), and checks
that the ```text block after it shows exactly what Python prints. A block that raises is compared
with the last line of its traceback. Prints one JSON line per mismatch; exits 1 if there are any."""

import contextlib
import io
import json
import pathlib
import re
import sys
import traceback

BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def run(code: str, namespace: dict, name: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(code, name, "exec"), namespace)
        except Exception as error:  # the lesson shows the error on purpose
            last = traceback.format_exception_only(type(error), error)[-1].strip()
            print(re.sub(r" \(.*, line \d+\)$", "", last))
    return out.getvalue()


def main(pack_dir: str) -> int:
    mismatches = 0
    blocks_run = 0
    for lesson in sorted(pathlib.Path(pack_dir).rglob("*.md")):
        blocks = BLOCK.findall(lesson.read_text(encoding="utf-8"))
        namespace: dict = {}
        for index, (lang, code) in enumerate(blocks):
            if lang != "python":
                continue
            blocks_run += 1
            got = run(code, namespace, str(lesson))
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following and following[0] == "text" and got != following[1]:
                mismatches += 1
                print(json.dumps({"lesson": str(lesson), "block": index, "expected": following[1], "got": got}))
    print(json.dumps({"blocks": blocks_run, "mismatches": mismatches}))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
