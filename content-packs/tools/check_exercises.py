"""Checks a pack's exercises and code quiz items with the local python3: every reference solution
passes its tests and every starter fails them. Also checks quiz files' shape. Usage:
    python3 check_exercises.py PACK_DIR [MANIFEST_JSON]
MANIFEST_JSON defaults to PACK_DIR/pack.json; any JSON with a "modules" list (same shape) works.
Prints one JSON line per problem and a summary line; exits 1 if there are problems."""

import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

FILES = ("prompt.md", "starter.py", "solution.py", "tests.py")


def run_tests(exercise_dir: pathlib.Path, candidate: str, helpers: list) -> tuple[bool, str]:
    files = {name: (exercise_dir / name).read_text(encoding="utf-8") for name in (*helpers, "tests.py")}
    files["solution.py"] = (exercise_dir / candidate).read_text(encoding="utf-8")
    return run_files(files)


def source(value) -> str:
    """A code item's Python: one string, or a list of lines (as the pack format joins them)."""
    return "\n".join(value) + "\n" if isinstance(value, list) else value


def run_files(files: dict) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory() as work:
        for name, text in files.items():  # helper modules beside the tests, as in the sandbox
            (pathlib.Path(work) / name).write_text(text, encoding="utf-8")
        try:
            done = subprocess.run(
                [sys.executable, "-m", "unittest", "-q", "tests"],
                cwd=work, capture_output=True, text=True, timeout=30,
            )
        except subprocess.TimeoutExpired:
            return False, "timed out"
        return done.returncode == 0, done.stderr[-600:]


def check_quiz(path: pathlib.Path, problems: list) -> int:
    items = json.loads(path.read_text(encoding="utf-8"))
    for item in items:
        where = f"{path.name}:{item.get('id')}"
        for key in ("id", "kind", "prompt", "skills", "difficulty"):
            if key not in item:
                problems.append({"quiz": where, "problem": f"missing {key}"})
        kind = item.get("kind")
        # A list of indexes makes a "choose all that apply" item.
        answers = item.get("answer", -1)
        answers = answers if isinstance(answers, list) else [answers]
        if kind == "choice" and not (
            answers and all(isinstance(a, int) and 0 <= a < len(item.get("choices", [])) for a in answers)
        ):
            problems.append({"quiz": where, "problem": "answer is not an index into choices"})
        elif kind == "numeric" and not isinstance(item.get("answer"), (int, float)):
            problems.append({"quiz": where, "problem": "numeric answer must be a number"})
        elif kind == "short" and not item.get("answers"):
            problems.append({"quiz": where, "problem": "short answer needs answers"})
        elif kind == "code":
            if any(not source(item.get(key, "")).strip() for key in ("starter", "solution", "tests")):
                problems.append({"quiz": where, "problem": "a code item needs starter, solution and tests"})
                continue
            passed, log = run_files({"tests.py": source(item["tests"]), "solution.py": source(item["solution"])})
            if not passed:
                problems.append({"quiz": where, "problem": "solution fails its tests", "log": log})
            passed, _ = run_files({"tests.py": source(item["tests"]), "solution.py": source(item["starter"])})
            if passed:
                problems.append({"quiz": where, "problem": "starter passes its tests"})
        elif kind not in ("choice", "numeric", "short"):
            problems.append({"quiz": where, "problem": f"unknown kind {kind}"})
    return len(items)


def main(pack_dir: str, manifest_file: str | None) -> int:
    root = pathlib.Path(pack_dir)
    manifest = json.loads(pathlib.Path(manifest_file or root / "pack.json").read_text(encoding="utf-8"))
    problems: list = []
    exercises = quiz_items = 0
    for module in manifest.get("modules", [manifest]):
        for lesson in module["lessons"]:
            if not (root / lesson["file"]).is_file():
                problems.append({"lesson": lesson["id"], "problem": f"missing {lesson['file']}"})
        for exercise in module.get("exercises", []):
            exercises += 1
            folder = root / exercise["dir"]
            helpers = exercise.get("helpers", [])
            missing = [f for f in (*FILES, *helpers) if not (folder / f).is_file()]
            if missing:
                problems.append({"exercise": exercise["id"], "problem": f"missing {missing}"})
                continue
            passed, log = run_tests(folder, "solution.py", helpers)
            if not passed:
                problems.append({"exercise": exercise["id"], "problem": "solution fails its tests", "log": log})
            passed, _ = run_tests(folder, "starter.py", helpers)
            if passed:
                problems.append({"exercise": exercise["id"], "problem": "starter passes its tests"})
        if module.get("quiz"):
            quiz_items += check_quiz(root / module["quiz"], problems)
    for problem in problems:
        print(json.dumps(problem))
    print(json.dumps({"exercises": exercises, "quizItems": quiz_items, "problems": len(problems)}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
