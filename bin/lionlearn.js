#!/usr/bin/env node
import { existsSync } from 'node:fs';

// The compiled CLI; `npm install` builds it through the package's prepare script.
const entry = new URL('../dist/cli/lionlearn.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('lionlearn is not built yet. Run `npm run build` (npm install does it for you).');
  process.exit(1);
}
await import(entry.href);
