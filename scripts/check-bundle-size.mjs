// The first screen's JavaScript budget: what index.html loads before anything renders (its module
// script and every modulepreload, which Vite lists for the entry's static imports), gzipped.
// Screens loaded on first visit (renderer/src/screens/lazy-screens.ts) are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_BYTES = 200 * 1024;

/** The initial scripts' gzipped sizes; throws past the budget. */
export function checkBundleSize(rendererDir = 'dist/renderer', budget = INITIAL_JS_BUDGET_BYTES) {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const files = tags
    .filter((t) => /type="module"/.test(t) || /rel="modulepreload"/.test(t))
    .map((t) => /(?:src|href)="([^"]+\.js)"/.exec(t)?.[1])
    .filter(Boolean);
  if (files.length === 0) throw new Error(`${rendererDir}/index.html loads no script: is the build broken?`);
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(rendererDir, f))).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const summary = `initial JavaScript ${kb(total)} gzipped (budget ${kb(budget)}): ${sizes.map((s) => `${s.file} ${kb(s.gzip)}`).join(', ')}`;
  if (total > budget) {
    throw new Error(`${summary}. Load the new code on first visit (React.lazy) instead of on the first screen.`);
  }
  return summary;
}
