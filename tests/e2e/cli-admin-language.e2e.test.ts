import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { runCli, tempDir } from './support/processes.js';

/** The terminal's locale, everything else as the test runner has it (LC_ALL would beat LANG). */
const german = { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** Words of the admin tools' English sentences: none may be left in what a German admin reads. */
const ENGLISH = [
  /\bInstalled\b/,
  /\bRemoved\b/,
  /\bTrusting key\b/,
  /\bsecret key in\b/,
  /\bsigned by key\b/,
  /\bnow uses version\b/,
  /\bNo admin password\b/,
  /\badmin password is set\b/,
  /\bRestored\b/,
  /\brunning sandboxes\b/,
  /\bNothing to remove\b/,
  /\bExported\b/,
  /\bTime on task\b/,
  /\bActive on\b/,
  /\bbytes\)/,
  /\bmodules, \d+ lessons\b/,
  /\b\d+ installed, \d+ upgraded\b/,
  /\bunder 1 min\b/,
  /\bNothing was installed\b/,
  /\bRebuilt the progress\b/,
  /\bschema \d+ in\b/,
  /\d+ lessons, /,
  /\bno quiz answers\b/,
];

describe("the lionlearn CLI's admin tools in the admin's language", () => {
  it('speaks German under LANG=de_DE.UTF-8: password, keys, a signed pack from build to removal, the sandbox, a learner record', async () => {
    const dataDir = tempDir('cli-admin-de-');
    const work = tempDir('cli-admin-de-work-');
    const outputs: string[] = [];
    const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = await runCli(['--data-dir', dataDir, ...args], { ...german, ...env });
      outputs.push(result.stdout, result.stderr);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.stdout;
    };

    expect(await run(['admin', 'status'])).toContain('Kein Admin-Passwort gesetzt');
    const keys = join(work, 'keys');
    expect(await run(['pack', 'keygen', '--out', keys])).toMatch(/^Schlüssel [0-9a-f]{16}: geheimer Schlüssel in /);
    const lpack = join(work, 'demo.lpack');
    // Numbers in German form: a thousands point in the size.
    expect(
      await run(['pack', 'build', writePackFixture(), '--key', join(keys, 'pack-signing.key'), '--out', lpack]),
    ).toMatch(/gebaut \(\d{1,3}(\.\d{3})* Bytes\)/);
    expect(await run(['pack', 'verify', lpack, '--trust', join(keys, 'pack-signing.pub')])).toMatch(
      /^OK Demo pack \(demo\) [\d.]+: 2 Module, 3 Lektionen, 1 Übung, 2 Quizfragen; signiert mit Schlüssel/,
    );
    expect(await run(['trust', 'add', join(keys, 'pack-signing.pub'), '--label', 'Lehrerin'])).toMatch(
      /^Schlüssel [0-9a-f]{16} \(Lehrerin\) wird vertraut/,
    );
    // The date a key was added, as German writes it.
    expect(await run(['trust', 'list'])).toMatch(/Lehrerin {2}hinzugefügt \d\d\.\d\d\.\d{4}, \d\d:\d\d/);

    const usb = join(work, 'usb');
    mkdirSync(usb);
    copyFileSync(lpack, join(usb, 'demo.lpack'));
    const folder = await run(['pack', 'install', usb]);
    expect(folder).toMatch(/^installiert demo\.lpack demo /m);
    expect(folder).toContain('1 installiert, 0 aktualisiert, 0 übersprungen, 0 abgelehnt');
    expect(await run(['pack', 'install', lpack])).toMatch(/demo [\d.]+ ist schon installiert/);
    // The core's refusal too: a shipped pack signed by another key.
    const shipped = join(work, 'python-foundations.lpack');
    await run([
      'pack',
      'build',
      'content-packs/python-foundations',
      '--key',
      join(keys, 'pack-signing.key'),
      '--out',
      shipped,
    ]);
    const refused = await runCli(['--data-dir', dataDir, 'pack', 'install', shipped], german);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^lionlearn: Das Paket „python-foundations“ kommt mit der App und ist an sie gebunden, aber diese Datei ist mit Schlüssel [0-9a-f]{16} \(Lehrerin\) signiert\./m,
    );
    outputs.push(refused.stdout, refused.stderr);
    expect(await run(['pack', 'list'])).toMatch(/^demo {2}Demo pack {2}[\d.]+ \(aktiv\)$/m);
    expect(await run(['pack', 'remove', 'demo'])).toContain('demo entfernt');
    expect(await run(['pack', 'restore', 'python-foundations'])).toMatch(
      /^python-foundations [\d.]+ wie mit der App ausgeliefert wiederhergestellt und wieder an die App gebunden \(Version [\d.]+ war in Gebrauch\)\.$/m,
    );
    expect(await run(['trust', 'remove', (await run(['trust', 'list'])).slice(0, 16)])).toMatch(
      /wird nicht mehr vertraut/,
    );

    // The sandbox's report, whatever the engine's state on this machine.
    expect(await run(['sandbox', 'status'])).toMatch(
      /^Engine: {4}\S+: .*\nImage: {5}.*\nGrenze: {4}\d+ laufende Sandbox/,
    );

    await run(['learner', 'create', 'Ada'], { LANG: 'C' });
    expect(await run(['learner', 'export', 'Ada', '--out', join(work, 'ada.jsonl')])).toMatch(
      /^0 Ereignisse nach .*ada\.jsonl exportiert$/m,
    );
    expect(await run(['learner', 'import', join(work, 'ada.jsonl')])).toContain(
      'Profil schon hier; 0 Ereignisse hinzugefügt, 0 schon vorhanden',
    );
    const analytics = await run(['progress', 'analytics', 'Ada', '--days', '7', '--time-zone', 'Europe/Berlin']);
    expect(analytics).toMatch(/^\d\d\.\d\d\.\d{4} bis \d\d\.\d\d\.\d{4} \(Europe\/Berlin\)$/m);
    expect(analytics).toContain('Lernzeit: 0 Min.');
    expect(analytics).toContain('An 0 von 7 Tagen aktiv');

    expect(await run(['progress', 'rebuild'])).toMatch(
      /^Den Fortschritt aller Lernenden aus \d+ Ereignissen? in \d+ ms/,
    );
    expect(await run(['modules'])).toMatch(/^python-foundations\/first-steps {2}First steps \(\d+ Lektionen, /m);
    const doctor = await runCli(['--data-dir', dataDir, 'doctor'], german);
    outputs.push(doctor.stdout);
    expect(doctor.stdout).toMatch(/^ok +Datenbank: Schema \d+ in /m);
    expect(doctor.stdout).toMatch(/^(ok|FEHLER) +Inhalte: \d+ Module installiert$/m);
    const calibrate = await runCli(['--data-dir', dataDir, 'assess', 'calibrate'], german);
    outputs.push(calibrate.stderr);
    expect(calibrate.stderr).toContain('Es gibt noch keine Quizantworten, aus denen kalibriert werden könnte.');

    expect(await run(['admin', 'set-password'], { LIONLEARN_NEW_ADMIN_PASSWORD: 'ein-langes-passwort' })).toContain(
      'Das Admin-Passwort ist gesetzt',
    );
    expect(await run(['admin', 'status'])).toContain('Ein Admin-Passwort ist gesetzt.');

    const said = outputs.join('\n');
    for (const english of ENGLISH) expect(said).not.toMatch(english);
  }, 180_000);

  it('--lang en keeps English for the same commands under a German locale', async () => {
    const dataDir = tempDir('cli-admin-en-');
    const status = await runCli(['--data-dir', dataDir, '--lang', 'en', 'admin', 'status'], german);
    expect(status.stdout).toContain('No admin password is set');
    const packs = await runCli(['--data-dir', dataDir, '--lang', 'en', 'pack', 'list'], german);
    expect(packs.stdout).toMatch(/python-foundations {2}Python foundations {2}[\d.]+ \(active\)/);
  });
});
