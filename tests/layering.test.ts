import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

// Each row: a file in a folder, an import it must not have, and the folder's tsconfig.
const forbidden = [
  ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';", 'renderer'],
  ['renderer/src/probe.ts', "import { createCore } from '../../main/core/create-core.js';", 'renderer'],
  ['main/core/probe.ts', "import { app } from 'electron';", 'main'],
  ['main/web/probe.ts', "import { app } from 'electron';", 'main'],
  ['sync-server/probe.ts', "import { createCore } from '../main/core/create-core.js';", 'sync-server'],
  ['common/probe.ts', "import { readFileSync } from 'node:fs';", 'common'],
] as const;

const allowed = [
  ['main/electron/probe.ts', "import { app } from 'electron';"],
  ['renderer/src/probe.ts', "import { learnApi } from '../../common/contract/api.js';"],
  ['main/cli/probe.ts', "import { createCore } from '../core/create-core.js';"],
] as const;

const eslint = new ESLint({ cwd: ROOT });
const restrictedImportErrors = async (file: string, code: string) => {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
};

/** Type-checks one virtual file as a member of a folder's tsconfig project. */
function typeErrors(file: string, code: string, project: string): string[] {
  const configPath = join(ROOT, project, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
  const probe = join(ROOT, file);
  const host = ts.createCompilerHost(parsed.options);
  const source = `${code}\nexport const probe = 1;\n`;
  const original = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.fileExists = (f) => f === probe || original.fileExists(f);
  host.readFile = (f) => (f === probe ? source : original.readFile(f));
  host.getSourceFile = (f, lang, ...rest) =>
    f === probe ? ts.createSourceFile(f, source, lang) : original.getSourceFile(f, lang, ...rest);
  // As a member of the composite project, so an import from a folder it does not reference is TS6307.
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, probe],
    options: { ...parsed.options, configFilePath: configPath },
    projectReferences: parsed.projectReferences,
    host,
  });
  return [...program.getOptionsDiagnostics(), ...ts.getPreEmitDiagnostics(program, program.getSourceFile(probe))].map(
    (d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

// Each case type-checks a folder with tsc: seconds each on a busy 2-core machine.
describe('layering', { timeout: 60_000 }, () => {
  it.each(forbidden)('ESLint refuses in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each(allowed)('ESLint allows in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });

  it.each(forbidden)('the folder tsconfig refuses in %s: %s', (file, code, project) => {
    expect(typeErrors(file, code, project).join('\n')).toMatch(
      /Cannot find module|has no exported member|is not listed within the file list of project/,
    );
  });

  it('the folder tsconfig accepts what the folder may import', () => {
    expect(typeErrors('main/cli/probe.ts', "import { createCore } from '../core/create-core.js';", 'main')).toEqual([]);
  });
});
