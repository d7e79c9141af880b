import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreCatalogs } from '../common/i18n/catalogs.js';
import { cliAdminDe } from '../main/cli/i18n/messages/admin-de.js';
import { cliAdminEn } from '../main/cli/i18n/messages/admin-en.js';
import { cliDe } from '../main/cli/i18n/messages/de.js';
import { cliEn } from '../main/cli/i18n/messages/en.js';
import { cliHelpAdminDe } from '../main/cli/i18n/messages/help-admin-de.js';
import { cliHelpAdminEn } from '../main/cli/i18n/messages/help-admin-en.js';
import { cliHelpDe } from '../main/cli/i18n/messages/help-de.js';
import { cliHelpEn } from '../main/cli/i18n/messages/help-en.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Every TypeScript source under `dir` but tests and the catalogs themselves, as [path, text]. */
function sources(dir: string): [string, string][] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/messages/'))
    .map((f) => [relative(ROOT, join(ROOT, dir, f)), readFileSync(join(ROOT, dir, f), 'utf8')]);
}
const coreSources = [...sources('common'), ...sources('main/core')];
const cliSources = sources('main/cli');
/** The class server, the desktop shell and the browser face say messages of the same catalog (their own blocks of it). */
const serverSources = sources('sync-server').filter(([file]) => !file.startsWith('sync-server/testing/'));
/** The pack format's readers: their refusals reach a learner or admin through the app's and the CLI's installs. */
const packSources = sources('content-packs/format');
const catalogSources = [
  ...coreSources,
  ...serverSources,
  ...sources('main/electron'),
  ...sources('main/web'),
  ...packSources,
];

/** A message's placeholders, with i18next's format if it has one (`size, number`): a translation keeps both. */
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+(?:, \w+)?)\}\}/g)].map((m) => m[1]).sort();
/** A message's key without i18next's plural suffix: the key the code says. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
/** The first argument of every `name('key'…)` call in the sources. */
const calledKeys = (files: [string, string][], name: string) =>
  files.flatMap(([file, text]) =>
    [...text.matchAll(new RegExp(`\\b${name}\\(\\s*'([a-z0-9-]+)'`, 'g'))].map((m) => [file, m[1]!] as const),
  );
/** Every single-quoted kebab-case string in the sources: keys chosen by a condition count as used. */
const quoted = (files: [string, string][]) =>
  new Set(files.flatMap(([, text]) => [...text.matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)*)'/g)].map((m) => m[1]!)));

function sameShape(catalogs: Record<string, Record<string, string>>) {
  const source = catalogs.en!;
  for (const [language, catalog] of Object.entries(catalogs)) {
    expect(Object.keys(catalog).sort(), language).toEqual(Object.keys(source).sort());
    for (const [key, text] of Object.entries(catalog)) {
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(source[key]!));
    }
  }
}

describe("the core's message catalog", () => {
  it('has every key in English and German, each with the same placeholders', () => {
    expect(Object.keys(coreCatalogs).sort()).toEqual(['de', 'en']);
    sameShape(coreCatalogs);
  });

  it('has an entry for every message the core, the contract, the class server and the desktop shell say', () => {
    const keys = new Set(Object.keys(coreCatalogs.en).map(base));
    const said = [...calledKeys(catalogSources, 'say'), ...calledKeys(catalogSources, 'ruleText')];
    expect(said.length).toBeGreaterThan(100);
    for (const [file, key] of said) expect(keys.has(key), `${file}: say('${key}')`).toBe(true);
  });

  it('keeps no entry that nothing says (a renamed key would leave its translations behind)', () => {
    const used = quoted(catalogSources);
    for (const key of Object.keys(coreCatalogs.en)) expect(used.has(base(key)), key).toBe(true);
  });

  it("leaves no error as bare English, the admin tools' included: a LearnError says a catalog message", () => {
    // The admin's tools (pack signing and installs, calibration, bulk imports) and the CLI's commands included.
    const bare = [...coreSources, ...cliSources].flatMap(([file, text]) =>
      [...text.matchAll(/new LearnError\(\s*[^,()]+,\s*['`"]/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(bare).toEqual([]);
  });
});

describe("the class server's messages", () => {
  it('leave no refusal as bare English: a ServerError, an AuthError and an error body say a catalog message', () => {
    const bare = serverSources.flatMap(([file, text]) =>
      [
        ...text.matchAll(/new ServerError\(\s*[^,()]+,\s*['`"]/g),
        ...text.matchAll(/new AuthError\(\s*['`"]/g),
        // An answer written by hand rather than through ServerError's body or errorBody.
        ...text.matchAll(/send\(\s*\{\s*error:/g),
      ].map((m) => `${file}: ${m[0]}`),
    );
    expect(bare).toEqual([]);
  });

  it('write the notices they raise with catalog references: no English title or body of their own', () => {
    const bare = serverSources.flatMap(([file, text]) =>
      [...text.matchAll(/^\s*(title|body): ['`"]/gm)].map((m) => `${file}: ${m[0].trim()}`),
    );
    expect(bare).toEqual([]);
  });
});

describe("the CLI's message catalog", () => {
  // The learners' sentences, the admins' and the help's are one namespace: a key in two would shadow the other.
  const en = { ...cliEn, ...cliAdminEn, ...cliHelpEn, ...cliHelpAdminEn };

  it('has every key in English and German, each with the same placeholders', () => {
    sameShape({ en: cliEn, de: cliDe });
    sameShape({ en: cliAdminEn, de: cliAdminDe });
    sameShape({ en: cliHelpEn, de: cliHelpDe });
    sameShape({ en: cliHelpAdminEn, de: cliHelpAdminDe });
  });

  it("keeps the learners', the admins' and the help's keys apart", () => {
    const files = [cliEn, cliAdminEn, cliHelpEn, cliHelpAdminEn].map((catalog) => Object.keys(catalog));
    const all = files.flat();
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
  });

  it('has an entry for every sentence a command says, and none that no command says', () => {
    const keys = new Set(Object.keys(en).map(base));
    for (const [file, key] of calledKeys(cliSources, 'text'))
      expect(keys.has(key), `${file}: text('${key}')`).toBe(true);
    const used = quoted(cliSources);
    for (const key of Object.keys(en)) expect(used.has(base(key)), key).toBe(true);
  });

  it('describes no command, option or argument in bare English: `--help` says catalog texts only', () => {
    const bare = cliSources.flatMap(([file, text]) =>
      [
        ...text.matchAll(/\.(description|summary)\(\s*['`"]/g),
        ...text.matchAll(/(\.(option|requiredOption|argument)|new (Option|Argument))\(\s*'[^']*',\s*['`"]/g),
      ].map((m) => `${file}: ${m[0]}`),
    );
    expect(cliSources.length).toBeGreaterThan(10);
    expect(bare).toEqual([]);
  });
});

describe("a pack's refusals", () => {
  it('leave no reason as bare English: a damaged or tampered pack is refused with a catalog message', () => {
    const bare = packSources.flatMap(([file, text]) =>
      [
        ...text.matchAll(/new (PackArchiveError|PackFormatError)\(\s*[^,()]+,\s*['`"]/g),
        ...text.matchAll(/new (PackReason|Error)\(\s*['`"]/g),
      ].map((m) => `${file}: ${m[0]}`),
    );
    expect(packSources.length).toBeGreaterThan(4);
    expect(bare).toEqual([]);
  });
});
