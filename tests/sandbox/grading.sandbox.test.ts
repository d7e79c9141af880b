import { spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnApi } from '../../common/contract/api.js';
import { createApiClient } from '../../common/contract/bridge.js';
import type { ValidateResult } from '../../common/contract/playground.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { createCore } from '../../main/core/create-core.js';
import type { Core } from '../../main/core/create-core.js';
import { localBridge } from '../../main/core/local-bridge.js';
import type { ExerciseForRun } from '../../main/core/playground/playground-service.js';

// The real Docker engine and the real python-3.11 image, graded through the app's own path.
const RUNTIMES = join(process.cwd(), 'main', 'core', 'playground', 'runtimes');
const PACKS = join(process.cwd(), 'content-packs');

const TWO_TESTS = [
  'import unittest',
  'from solution import double',
  'class T(unittest.TestCase):',
  '    def test_one(self):',
  '        self.assertEqual(double(1), 2)',
  '    def test_two(self):',
  '        self.assertEqual(double(2), 4)',
].join('\n');
const WRONG = 'def double(n):\n    return 0\n';

const SUBTESTS = [
  'import unittest',
  'from solution import double',
  'class T(unittest.TestCase):',
  '    def test_many(self):',
  '        for n in [1, 2, 3]:',
  '            with self.subTest(n=n):',
  '                self.assertEqual(double(n), 2 * n)',
  '    def test_zero(self):',
  '        self.assertEqual(double(0), 0)',
].join('\n');

const exercise = (tests: string, extra: Partial<ExerciseForRun> = {}): ExerciseForRun => ({
  runtime: 'python-3.11',
  tests,
  helpers: {},
  limits: {},
  ...extra,
});

/** What `python3 -m unittest` on this machine says of the same two files: tests run, and OK or not. */
function hostUnittest(tests: string, solution: string): { ran: number; ok: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'unittest-'));
  writeFileSync(join(dir, 'tests.py'), tests);
  writeFileSync(join(dir, 'solution.py'), solution);
  const run = spawnSync('python3', ['-m', 'unittest', 'tests'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const ran = /Ran (\d+) tests?/.exec(run.stderr);
  return { ran: Number(ran?.[1] ?? -1), ok: run.status === 0 };
}

describe('grading on the real engine', () => {
  let core: Core;
  let api: LearnApi;
  let session: string;
  const grade = (tests: string, code: string, extra?: Partial<ExerciseForRun>) =>
    core.gradeExercise(exercise(tests, extra), code);

  beforeAll(async () => {
    // The fixture pack with one more exercise whose tests use subTest.
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    manifest.modules[1].exercises.push({
      id: 'doubling',
      title: 'Doubling',
      dir: 'exercises/count-down',
      difficulty: 1,
      skills: ['loops'],
    });
    manifest.modules[1].exercises.push({
      id: 'doubling-exam',
      title: 'Doubling, graded apart',
      dir: 'exercises/count-down',
      difficulty: 1,
      skills: ['loops'],
      isolated: true,
    });
    manifest.modules[1].exercises.push({
      id: 'halving',
      title: 'Halving',
      dir: 'exercises/halving',
      difficulty: 1,
      skills: ['loops'],
      helpers: ['halving_cases.py'],
    });
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    writeFileSync(join(source, 'exercises', 'count-down', 'tests.py'), SUBTESTS);
    const halving = join(source, 'exercises', 'halving');
    cpSync(join(source, 'exercises', 'count-down'), halving, { recursive: true });
    writeFileSync(join(halving, 'halving_cases.py'), 'CASES = [(4, 2), (10, 5)]\n');
    writeFileSync(
      join(halving, 'tests.py'),
      'import unittest\nfrom halving_cases import CASES\nfrom solution import half\n\n' +
        'class T(unittest.TestCase):\n    def test_cases(self):\n        for n, want in CASES:\n' +
        '            self.assertEqual(half(n), want)\n',
    );
    core = await createCore({
      dataDir: mkdtempSync(join(tmpdir(), 'grading-')),
      appVersion: '1.0.0',
      bundledPacksDir: dirname(source),
      runtimesDir: RUNTIMES,
      logger: pino({ level: 'silent' }),
      playground: { poolSize: 2 },
    });
    api = createApiClient(localBridge(core));
    ({ session } = await api.createLearner({ profile: { displayName: 'Grace' } }));
    const status = await api.getPlaygroundStatus();
    if (status.state !== 'ready') throw new Error(`${status.message} ${status.fix}`);
    await core.warmUpPlayground();
  }, 120_000);
  afterAll(() => core?.close());

  it('fails a test whose subtest fails, names each failing subtest, and records no completion', async () => {
    const wrong = 'def double(n):\n    return 5 if n == 2 else 2 * n\n';
    const result = await api.validateCode({ session, exerciseId: 'demo/doubling', code: wrong });
    expect(result.status).toBe('fail');
    expect(result.tests).toEqual([
      expect.objectContaining({ name: 'test_many', status: 'fail', message: expect.stringContaining('(n=2)') }),
      expect.objectContaining({ name: 'test_zero', status: 'pass' }),
    ]);
    const progress = await api.getUserProgress({ session });
    expect(progress.exercises.find((e) => e.exerciseId === 'demo/doubling')).toMatchObject({ completedAt: null });
  });

  it("copies an installed exercise's helper modules into the sandbox beside its tests", async () => {
    const code = 'def half(n):\n    return n // 2\n';
    expect(await api.validateCode({ session, exerciseId: 'demo/halving', code })).toMatchObject({
      status: 'pass',
      tests: [{ name: 'test_cases', status: 'pass' }],
    });
  });

  it('reports as many tests as python3 -m unittest counts, and agrees on pass or fail', async () => {
    const expecting = [
      'import unittest',
      'from solution import double',
      'class T(unittest.TestCase):',
      '    @unittest.expectedFailure',
      '    def test_known_bug(self):',
      '        self.assertEqual(double(2), 5)',
      '    def test_one(self):',
      '        self.assertEqual(double(1), 2)',
      'class U(unittest.TestCase):',
      '    def test_one(self):',
      '        self.assertEqual(double(3), 6)',
    ].join('\n');
    const cases: [string, string][] = [
      [SUBTESTS, 'def double(n):\n    return 2 * n\n'],
      [SUBTESTS, 'def double(n):\n    return 5 if n == 2 else 2 * n\n'],
      [SUBTESTS, 'def double(n):\n    if n == 3:\n        raise KeyError(n)\n    return 2 * n\n'],
      [expecting, 'def double(n):\n    return 2 * n\n'],
      // An unexpected success: unittest calls the run failed.
      [expecting, 'def double(n):\n    return 5 if n == 2 else 2 * n\n'],
    ];
    for (const name of ['extract-json', 'model-spec', 'operation-waves']) {
      const dir =
        { 'extract-json': 'structured-output', 'model-spec': 'models-with-imodel' }[name] ?? 'sessions-and-operations';
      const folder = join(PACKS, 'lionagi-essentials', 'exercises', dir, name);
      const tests = readFileSync(join(folder, 'tests.py'), 'utf8');
      cases.push([tests, readFileSync(join(folder, 'solution.py'), 'utf8')]);
      cases.push([tests, readFileSync(join(folder, 'starter.py'), 'utf8')]);
    }
    for (const [tests, solution] of cases) {
      const ours = await grade(tests, solution);
      const host = hostUnittest(tests, solution);
      expect({ count: ours.tests.length, passed: ours.status === 'pass' }, solution).toEqual({
        count: host.ran,
        passed: host.ok,
      });
    }
  });

  it('reports a solution that lacks a name the tests import as an error naming it', async () => {
    const result = await grade(TWO_TESTS, 'def doubel(n):\n    return 2 * n\n');
    expect(result).toMatchObject({ status: 'error', tests: [] });
    expect(result.message).toMatch(/`double`/);
    expect(result.message).toMatch(/doubel/);
    const broken = await grade(TWO_TESTS, 'x = 1\nimport no_such_module\ndef double(n):\n    return 2 * n\n');
    expect(broken).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/no_such_module.*solution\.py, line 2/),
    });
  });

  it('caps what a test prints as it is written: a print loop is cut, not a memory failure', async () => {
    const flood = 'def double(n):\n    for i in range(2_000_000):\n        print("x" * 150)\n    return 2 * n\n';
    const result = await grade(TWO_TESTS, flood, { limits: { timeoutMs: 60_000 } });
    expect(result.run.oomKilled).toBe(false);
    expect(result.status).toBe('pass');
    expect(result.tests[0]!.output).toMatch(/\[output cut\]$/);
    expect(result.tests[0]!.output!.length).toBeLessThan(1000);
  });

  it('says in words when Python crashes, for a test run and for a program', async () => {
    const segfault = 'import ctypes\ndef double(n):\n    ctypes.string_at(0)\n';
    const graded = await grade(TWO_TESTS, segfault);
    expect(graded).toMatchObject({ status: 'error', message: expect.stringMatching(/crashed \(a segmentation fault/) });
    const ran = await api.executeCode({ session, code: 'import ctypes\nprint("before")\nctypes.string_at(0)\n' });
    expect(ran).toMatchObject({
      exitCode: 139,
      stdout: 'before\n',
      message: expect.stringMatching(/segmentation fault/),
    });
  });

  it('reports a lone surrogate in the source as an error with its line, not a loader traceback', async () => {
    const result = await grade(TWO_TESTS, 'def double(n):\n    return 2 * n  # \ud83d\n');
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/solution\.py, line 2.*not text/) });
    const ran = await api.executeCode({ session, code: 'print(1)\n# \udc00\n' });
    expect(ran).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/main\.py, line 2/) });
  });

  it('brings back a scratch sandbox’s files up to the contract’s limits, and says which it left out', async () => {
    const { sandboxId } = await api.createSandbox({ session });
    const program = [
      'open("big.txt", "w").write("b" * 150_000)',
      'open("huge.txt", "w").write("h" * 250_000)',
      'open("data.bin", "wb").write(bytes(range(256)))',
      // 150,000 emoji: 300,000 characters as the app counts them (UTF-16), past the limit.
      'open("emoji.txt", "w").write("\\U0001F600" * 150_000)',
      'print("done")',
    ].join('\n');
    const result = await api.runInSandbox({ session, sandboxId, files: { 'main.py': program } });
    expect(result.stdout).toBe('done\n');
    expect(result.files['big.txt']).toHaveLength(150_000);
    expect(Object.keys(result.files).sort()).toEqual(['big.txt', 'main.py']);
    expect(result.filesLeftOut).toEqual([
      { name: 'data.bin', reason: 'not UTF-8 text' },
      { name: 'emoji.txt', reason: 'larger than 200,000 characters' },
      { name: 'huge.txt', reason: 'larger than 200,000 characters' },
    ]);
    const again = await api.runInSandbox({ session, sandboxId, files: {} });
    expect(again.files['big.txt']).toHaveLength(150_000);
  });

  describe('an assessment graded apart (isolated: the solution in its own process)', () => {
    const CALLS = [
      'import unittest',
      'from solution import parse, LIMIT',
      'class T(unittest.TestCase):',
      '    def test_limit(self):',
      '        self.assertEqual(LIMIT, 3)',
      '    def test_parse(self):',
      '        self.assertEqual(parse("1,2"), [1, 2])',
      '    def test_bad(self):',
      '        with self.assertRaises(ValueError):',
      '            parse("x")',
      '    def test_empty(self):',
      '        with self.assertRaises(KeyError):',
      '            parse("")',
    ].join('\n');
    const PARSE = [
      'LIMIT = 3',
      'class Empty(KeyError):',
      '    pass',
      'def parse(text):',
      '    print("parsing", repr(text))',
      '    if not text:',
      '        raise Empty("empty")',
      '    return [int(x) for x in text.split(",")]',
    ].join('\n');
    const isolated = { isolated: true };

    it('grades plain functions, their values, prints and exceptions as the shared mode does', async () => {
      const result = await grade(CALLS, PARSE, isolated);
      expect(result.status).toBe('pass');
      expect(result.tests).toContainEqual(expect.objectContaining({ name: 'test_parse', output: "parsing '1,2'\n" }));
      const wrong = await grade(CALLS, PARSE.replace('int(x)', 'x'), isolated);
      expect(wrong.tests.find((t) => t.name === 'test_parse')).toMatchObject({ status: 'fail' });
      const missing = await grade(CALLS, PARSE.replace('LIMIT = 3', ''), isolated);
      expect(missing).toMatchObject({ status: 'error', message: expect.stringMatching(/`LIMIT`/) });
    });

    it('is the path validateCode takes for an exercise the manifest marks isolated', async () => {
      const right = 'def double(n):\n    return 2 * n\n';
      expect(await api.validateCode({ session, exerciseId: 'demo/doubling-exam', code: right })).toMatchObject({
        status: 'pass',
      });
    });

    // Both forge a pass when the solution shares the tests' process (the README says so); not here.
    const deliberate: Record<string, string> = {
      "calls the harness's own emit, found through gc, then leaves": [
        'import gc, os',
        'for obj in gc.get_objects():',
        '    code = getattr(obj, "__code__", None)',
        '    if callable(obj) and getattr(obj, "__name__", "") == "emit" and "harness" in code.co_filename:',
        '        obj("loaded", count=2)',
        '        obj("test", id="a", name="test_one", status="pass")',
        '        obj("test", id="b", name="test_two", status="pass")',
        '        obj("done")',
        '        os._exit(0)',
        WRONG,
      ].join('\n'),
      'returns an object equal to anything': [
        'class Anything:',
        '    def __eq__(self, other):',
        '        return True',
        'def double(n):',
        '    return Anything()',
      ].join('\n'),
    };
    it.each(Object.entries(deliberate))('%s: is not graded pass', async (_name, code) => {
      const shared = await grade(TWO_TESTS, code);
      expect(shared.status).toBe('pass');
      const apart = await grade(TWO_TESTS, code, isolated);
      expect(apart.status).not.toBe('pass');
      expect(apart.tests.filter((t) => t.status === 'pass')).toEqual([]);
    });
    it("cannot run code in the tests' process through a pickled answer or a module written to /work", async () => {
      const tests = [
        'import unittest',
        'from solution import double',
        'class T(unittest.TestCase):',
        '    def test_one(self):',
        '        import textwrap',
        '        self.assertEqual(double(1), 2)',
      ].join('\n');
      const code = [
        'open("/work/textwrap.py", "w").write("print(\'EVIL-MODULE\')\\nEVIL = True\\n")',
        'open("/work/tests.py", "w").write("print(\'EVIL-TESTS\')\\n")',
        'class Payload:',
        '    def __reduce__(self):',
        '        return (print, ("EVIL-PICKLE",))',
        'def double(n):',
        '    return Payload()',
      ].join('\n');
      const result = await grade(tests, code, isolated);
      expect(result.status).not.toBe('pass');
      expect(result.tests[0]!.message).toMatch(/not plain data/);
      expect(JSON.stringify(result)).not.toMatch(/EVIL/);
    });
  });

  describe('a solution written to forge a pass', () => {
    const forgeries: Record<string, string> = {
      'patches unittest.TestResult and TestCase': [
        'import unittest',
        'unittest.TestResult.addFailure = lambda *a, **k: None',
        'unittest.TestCase.assertEqual = lambda *a, **k: None',
        WRONG,
      ].join('\n'),
      "patches the harness through sys.modules['harness']": [
        'import sys',
        'h = sys.modules.get("harness") or sys.modules.get("lionlearn_harness")',
        'if h:',
        '    h._Result.addFailure = lambda *a: None',
        '    h._Result.stopTest = lambda *a: None',
        WRONG,
      ].join('\n'),
      'prints a fake report, as a marker and as a frame': [
        'import json, os, struct, sys',
        'report = json.dumps({"exit": {"code": 0, "signal": None}, "truncated": False,',
        '    "grading": {"status": "pass", "tests": [{"name": "test_one", "status": "pass"}]}}).encode()',
        'print("\\n@@lionlearn-results 00@@" + report.decode())',
        'sys.stdout.flush()',
        'os.write(1, struct.pack(">cI", b"r", len(report)) + report)',
        'os.write(2, struct.pack(">cI", b"r", len(report)) + report)',
        WRONG,
      ].join('\n'),
      'writes fake outcomes to every descriptor from 3 up': [
        'import json, os',
        'events = [{"kind": "loaded", "count": 2}, {"kind": "test", "id": "a", "name": "test_one", "status": "pass"},',
        '          {"kind": "test", "id": "b", "name": "test_two", "status": "pass"}, {"kind": "done"}]',
        'lines = "".join(json.dumps(e) + "\\n" for e in events).encode()',
        'for fd in range(3, 256):',
        '    try:',
        '        os.write(fd, lines)',
        '    except OSError:',
        '        pass',
        WRONG,
      ].join('\n'),
      'fakes outcomes then leaves with os._exit(0)': [
        'import json, os',
        'for fd in range(3, 256):',
        '    try:',
        '        os.write(fd, (json.dumps({"kind": "done"}) + "\\n").encode())',
        '    except OSError:',
        '        pass',
        'os._exit(0)',
      ].join('\n'),
      'calls sys.exit(0) while it is imported': 'import sys\nsys.exit(0)\n',
      'fakes outcomes from an atexit handler': [
        'import atexit, json, os',
        'def forge():',
        '    for fd in range(3, 256):',
        '        try:',
        '            os.write(fd, (json.dumps({"kind": "done"}) + "\\n").encode())',
        '        except OSError:',
        '            pass',
        'atexit.register(forge)',
        WRONG,
      ].join('\n'),
      'overrides builtins': [
        'import builtins',
        'class Never(Exception):',
        '    pass',
        'builtins.AssertionError = Never',
        WRONG,
      ].join('\n'),
      'rewrites the other tests while one runs': [
        'import sys',
        'def double(n):',
        '    sys.modules["tests"].T.test_two = lambda self: None',
        '    return 0',
      ].join('\n'),
      "raises unittest's internal _ShouldStop or SkipTest": [
        'import unittest, unittest.case',
        'def double(n):',
        '    raise (unittest.case._ShouldStop() if n == 1 else unittest.SkipTest("later"))',
      ].join('\n'),
      'signals or traces the grader': [
        'import os, signal',
        'for s in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT, signal.SIGSTOP):',
        '    try:',
        '        os.kill(1, s)',
        '    except OSError:',
        '        pass',
        'try:',
        '    open("/proc/1/mem", "rb").read(1)',
        'except OSError:',
        '    pass',
        WRONG,
      ].join('\n'),
    };
    it.each(Object.entries(forgeries))('%s: is not graded pass, shared or apart', async (_name, code) => {
      for (const isolated of [false, true]) {
        const result: ValidateResult = await grade(TWO_TESTS, code, { isolated });
        expect(result.status, `isolated: ${isolated}`).not.toBe('pass');
        expect(result.tests.filter((t) => t.status === 'pass')).toEqual([]);
      }
    });
  });
});

const run = promisify(execFile);

/** `lionlearn pack check` as an admin runs it (the built CLI: npm run build, or npm ci's prepare). */
async function packCheck(dir: string): Promise<{ code: number; out: string }> {
  const args = ['bin/lionlearn.js', '--data-dir', mkdtempSync(join(tmpdir(), 'pack-check-')), 'pack', 'check', dir];
  try {
    const { stdout } = await run('node', args, { env: { ...process.env, LIONLEARN_LOG_LEVEL: 'silent' } });
    return { code: 0, out: stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: `${stdout}${stderr}` };
  }
}

describe('lionlearn pack check', () => {
  it('grades each reference and starter in the sandbox, with helper modules, and checks the Markdown', async () => {
    const source = writePackFixture();
    const manifest = JSON.parse(readFileSync(join(source, 'pack.json'), 'utf8'));
    const exercises = manifest.modules[1].exercises;
    exercises[0].helpers = ['countdown_data.py'];
    const folder = join(source, 'exercises', 'count-down');
    writeFileSync(join(folder, 'countdown_data.py'), 'THREE = [3, 2, 1]\n');
    writeFileSync(
      join(folder, 'tests.py'),
      'import unittest\nfrom countdown_data import THREE\nfrom solution import count_down\n\n' +
        'class T(unittest.TestCase):\n    def test_three(self):\n        self.assertEqual(count_down(3), THREE)\n',
    );
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    for (const lesson of manifest.modules.flatMap((m: { lessons: { file: string; title: string }[] }) => m.lessons)) {
      writeFileSync(join(source, lesson.file), `# ${lesson.title}\n\nText.\n\n## Try it\n\n- Run it.\n`);
    }
    const good = await packCheck(source);
    expect(good.out).toMatch(/ok\s+demo\/count-down\s+reference pass 1\/1\s+starter (fail|error) 0\/\d/);
    expect(good.out).toMatch(/1 exercise \(0 failing\).*0 problems/);
    expect(good.code).toBe(0);

    // A starter that passes, a reference that fails its subtests, a lesson with a table and an image.
    writeFileSync(join(folder, 'starter.py'), readFileSync(join(folder, 'solution.py')));
    exercises.push({ ...exercises[0], id: 'doubling', title: 'Doubling', dir: 'exercises/doubling', helpers: [] });
    writeFileSync(join(source, 'pack.json'), JSON.stringify(manifest));
    const doubling = join(source, 'exercises', 'doubling');
    cpSync(folder, doubling, { recursive: true });
    writeFileSync(join(doubling, 'prompt.md'), '# Doubling\n\nWrite `double(n)`.\n');
    writeFileSync(join(doubling, 'tests.py'), SUBTESTS);
    writeFileSync(join(doubling, 'solution.py'), 'def double(n):\n    return 5 if n == 2 else 2 * n\n');
    writeFileSync(join(doubling, 'starter.py'), 'def double(n):\n    raise NotImplementedError\n');
    writeFileSync(join(source, 'lessons', 'hello.md'), '# Hello\n\n| a | b |\n|---|---|\n\n![x](x.png)\n\n## Try it\n');
    const bad = await packCheck(source);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/FAIL\s+demo\/count-down .*starter pass 1\/1/);
    expect(bad.out).toMatch(/the starter passes the tests/);
    expect(bad.out).toMatch(/FAIL\s+demo\/doubling\s+reference fail 1\/2/);
    expect(bad.out).toMatch(/lessons\/hello\.md:\n {2}- line 3: tables are not rendered/);
    expect(bad.out).toMatch(/images are not allowed/);
  }, 120_000);
});
