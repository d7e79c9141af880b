import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** One zone per folder: what it may not import. The tsconfig per folder enforces the same a second time. */
const zone = (files, { node = false, electron = true, folders = [] }, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(electron ? [{ name: 'electron', message: 'Only main/electron may import electron.' }] : []),
          ...(node ? nodeModules.map((name) => ({ name, message: 'This folder runs without Node.' })) : []),
        ],
        patterns: folders.map((folder) => ({
          group: [`**/${folder}`, `**/${folder}/**`],
          message: `This folder may not import ${folder}/ (imports point down: faces -> core -> infrastructure).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', '.tsbuild/', 'test-output/', 'release/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The CLI prints through main/cli/terminal-output.ts, which keeps data from driving the terminal.
    files: ['main/cli/**/*.ts'],
    ignores: ['main/cli/**/*.test.ts'],
    rules: { 'no-console': ['error', { allow: ['table'] }] },
  },
  zone(['common/**'], { node: true, folders: ['main', 'renderer', 'sync-server', 'infra', 'content-packs'] }),
  zone(['infra/**'], { folders: ['main', 'renderer', 'sync-server', 'content-packs'] }),
  zone(['content-packs/**'], { folders: ['main', 'renderer', 'sync-server', 'infra'] }),
  zone(['renderer/**'], { node: true, folders: ['main', 'sync-server', 'infra', 'content-packs'] }),
  zone(['sync-server/**'], { folders: ['main', 'renderer'] }),
  zone(['main/core/**'], { folders: ['web', 'cli', 'electron', 'renderer', 'sync-server'] }),
  zone(['main/web/**'], { folders: ['cli', 'electron', 'renderer', 'sync-server'] }),
  zone(['main/cli/**'], { folders: ['electron', 'renderer', 'sync-server'] }),
  zone(['main/electron/**'], { electron: false, folders: ['web', 'cli', 'renderer', 'sync-server'] }),
);
