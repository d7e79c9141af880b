import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SYNC_CLOSE, SYNC_MESSAGE, SYNC_ROOTS } from '../common/contract/sync-wire.js';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['common', 'infra', 'main', 'renderer', 'sync-server', 'tests', 'bench', 'content-packs'];
/** The one place the wire is written. */
const HOME = 'common/contract/';

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const closeCodes = new Set<number>(Object.values(SYNC_CLOSE));
const rootNames = new Set<string>(Object.values(SYNC_ROOTS).map((root) => root.name));
/** Files that build or read frames: there a bare 100 is the acknowledgement's type. */
const speaksTheWire = /from '(lib0\/(en|de)coding|y-protocols\/sync)'/;

/**
 * Where `text` writes the sync wire by hand: a close code or the ack type as a number literal, a document's root
 * as a string literal given to getMap or getArray. Comments and other strings (test names) are prose and pass.
 */
export function bareWire(text: string): string[] {
  const found: string[] = [];
  const wire = speaksTheWire.test(text);
  const visit = (node: ts.Node) => {
    if (ts.isNumericLiteral(node)) {
      const n = Number(node.text);
      if (closeCodes.has(n)) found.push(`close code ${n}`);
      if (wire && n === SYNC_MESSAGE.ack) found.push(`message type ${n}`);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      /^get(Map|Array)$/.test(node.expression.name.text)
    ) {
      const [name] = node.arguments;
      if (name && ts.isStringLiteralLike(name) && rootNames.has(name.text)) found.push(`root '${name.text}'`);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('probe.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX));
  return found;
}

describe('the sync wire', () => {
  // It parses every source file of the tree: seconds on a loaded machine, so not vitest's 5 s default.
  it(
    'is written only in common/contract: no bare close code, ack type or root name elsewhere',
    { timeout: 120_000 },
    () => {
      const offenders: string[] = [];
      for (const folder of FOLDERS) {
        for (const file of sourceFiles(join(ROOT, folder))) {
          const path = relative(ROOT, file);
          if (path.startsWith(HOME) || path === 'tests/sync-wire.test.ts') continue;
          for (const what of bareWire(readFileSync(file, 'utf8'))) offenders.push(`${path}: ${what}`);
        }
      }
      expect(offenders).toEqual([]);
    },
  );

  it('finds each kind of bare wire, and passes prose', () => {
    expect(bareWire(`socket.close(4401, 'expired');`)).toEqual(['close code 4401']);
    expect(bareWire(`expect(code).toBe(1012);`)).toEqual(['close code 1012']);
    expect(bareWire(`import * as e from 'lib0/encoding';\nconst MESSAGE_ACK = 100;`)).toEqual(['message type 100']);
    expect(bareWire(`const percent = 100;`)).toEqual([]);
    expect(bareWire(`doc.getMap('events').set(id, e); doc.getArray("items");`)).toEqual([
      "root 'events'",
      "root 'items'",
    ]);
    expect(bareWire(`// closes with 4401\nit('closes with 1012', () => undefined); const s = 'events';`)).toEqual([]);
  });
});
