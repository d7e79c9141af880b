import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/processes.js';

/** The terminal's locale, everything else as the test runner has it (LC_ALL would beat LANG). */
const german = { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe("the lionlearn CLI in the learner's language", () => {
  it("takes a quiz in German under LANG=de_DE.UTF-8, the core's refusals included", async () => {
    const dataDir = tempDir('cli-de-');
    expect((await runCli(['--data-dir', dataDir, 'learner', 'create', 'Ada'], { LANG: 'C' })).code).toBe(0);
    // A letter that is no choice, a wrong choice, then a word where the core wants a number, then stop.
    const quiz = await runCli(
      ['--data-dir', dataDir, 'quiz', 'python-foundations/first-steps'],
      german,
      'Z\nA\nzwölf\n\n:quit\n',
    );
    expect(quiz.code).toBe(0);
    expect(quiz.stdout).toContain('First steps: Quiz, 10 Fragen.');
    expect(quiz.stdout).toContain('Frage 1 von 10 (Schwierigkeit 1 von 5)');
    expect(quiz.stdout).toContain('Antworte mit dem Buchstaben einer Auswahl (A-D).');
    expect(quiz.stdout).toContain('✗ Nicht ganz. Die Antwort:');
    // The core's own sentence, made in the core and said in German by the CLI.
    expect(quiz.stdout).toContain('„zwölf“ ist keine Zahl');
    expect(quiz.stdout).toContain('Du hast 0 von 2 richtig, 1 übersprungen.');
    expect(quiz.stdout).not.toMatch(/Question \d|You got|Not quite/);
  });

  it('takes a test and reports it in German, numbers in German form', async () => {
    const dataDir = tempDir('cli-de-assess-');
    await runCli(['--data-dir', dataDir, 'learner', 'create', 'Ada'], { LANG: 'C' });
    const run = await runCli(
      ['--data-dir', dataDir, 'assess', 'start', 'python-foundations/functions', '--items', '2'],
      german,
      '1\n1\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Frage 1 von bis zu 2');
    expect(run.stdout).toContain('Antwort gespeichert.');
    expect(run.stdout).toContain('beendet, weil er seine Länge erreicht hatte.');
    expect(run.stdout).toMatch(/\d von 2 richtig\. Fähigkeit -?\d,\d\d \(Standardfehler \d,\d\d\): \w/);
    expect(run.stdout).toContain('Fähigkeiten, die schwächste zuerst:');
  });

  it('says a core error in German on stderr and exits 1; --lang en answers in English', async () => {
    const dataDir = tempDir('cli-de-error-');
    await runCli(['--data-dir', dataDir, 'learner', 'create', 'Ada'], { LANG: 'C' });
    const refused = await runCli(['--data-dir', dataDir, 'learner', 'remove', 'Ada', '--confirm', 'Bob'], german);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('lionlearn: Um dieses Profil zu entfernen, tippe seinen Namen genau so: „Ada“.');

    const english = await runCli(
      ['--data-dir', dataDir, '--lang', 'en', 'learner', 'remove', 'Ada', '--confirm', 'Bob'],
      german,
    );
    expect(english.stderr).toContain('lionlearn: To remove this profile, type its name exactly: "Ada".');
  });
});
