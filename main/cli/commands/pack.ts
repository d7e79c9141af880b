import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { InstallLayout } from '../../core/host/install-layout.js';
import { withAdmin, withApi } from '../open-core.js';
import { buildPackArchive, verifyPackFile } from '../../../content-packs/format/pack-archive.js';
import type { LoadedPack } from '../../../content-packs/format/pack-source.js';
import { generateSigningKeys, keyIdOf } from '../../../content-packs/format/signing.js';
import { restoredMessage } from '../../../common/contract/admin.js';
import { byteProgress } from '../progress-bar.js';
import { registerPackCheck } from './pack-check.js';
import { installPackFolder } from './pack-install-folder.js';
import { print, printJson } from '../terminal-output.js';
import { saidHere, text } from '../i18n/cli-i18n.js';

export const PRIVATE_KEY_FILE = 'pack-signing.key';
export const PUBLIC_KEY_FILE = 'pack-signing.pub';

export function summarize({ manifest, quizzes }: LoadedPack): string {
  const count = (f: (m: LoadedPack['manifest']['modules'][number]) => number) =>
    manifest.modules.reduce((n, m) => n + f(m), 0);
  const quizItems = [...quizzes.values()].reduce((n, q) => n + q.length, 0);
  return text('pack-summary', {
    title: manifest.title,
    id: manifest.id,
    version: manifest.version,
    modules: text('modules', { count: manifest.modules.length }),
    lessons: text('lessons', { count: count((m) => m.lessons.length) }),
    exercises: text('exercises', { count: count((m) => m.exercises.length) }),
    quizItems: text('quiz-items', { count: quizItems }),
  });
}

async function readTrusted(files: string[]): Promise<Map<string, string>> {
  const keys = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return new Map(keys.map((pem) => [keyIdOf(pem), pem]));
}

export function registerPack(program: Command, layout: InstallLayout): void {
  const pack = program.command('pack').description(text('help-pack'));
  registerPackCheck(pack, layout);

  pack
    .command('keygen')
    .description(text('help-pack-keygen'))
    .requiredOption('--out <dir>', text('help-pack-keygen-out'))
    .action(async ({ out }: { out: string }) => {
      const privateFile = join(out, PRIVATE_KEY_FILE);
      if (existsSync(privateFile)) throw new Error(text('key-exists', { file: privateFile }));
      const keys = generateSigningKeys();
      await mkdir(out, { recursive: true });
      await writeFile(privateFile, keys.privateKey, { mode: 0o600, flag: 'wx' });
      await writeFile(join(out, PUBLIC_KEY_FILE), keys.publicKey, { flag: 'wx' });
      print(text('key-made', { keyId: keys.keyId, secretFile: privateFile, publicFile: join(out, PUBLIC_KEY_FILE) }));
    });

  pack
    .command('build <sourceDir>')
    .description(text('help-pack-build'))
    .requiredOption('--key <file>', text('help-pack-build-key'))
    .requiredOption('--out <file>', text('help-pack-build-out'))
    .action(async (sourceDir: string, { key, out }: { key: string; out: string }) => {
      const archive = await buildPackArchive(sourceDir, await readFile(key, 'utf8'));
      await writeFile(out, archive);
      print(text('pack-built', { file: out, bytes: archive.length }));
    });

  pack
    .command('verify <file>')
    .description(text('help-pack-verify'))
    .requiredOption('--trust <pubkey...>', text('help-pack-verify-trust'))
    .action(async (file: string, { trust }: { trust: string[] }) => {
      const extractTo = join(await mkdtemp(join(tmpdir(), 'lionlearn-verify-')), 'pack');
      const progress = byteProgress(text('bar-verifying'));
      try {
        const { pack: loaded, signature } = await verifyPackFile(file, {
          trusted: await readTrusted(trust),
          extractTo,
          onProgress: ({ bytes, total }) => progress.update(bytes, total),
        });
        progress.stop();
        print(text('pack-verified', { summary: summarize(loaded), keyId: signature.keyId }));
      } finally {
        progress.stop();
        await rm(join(extractTo, '..'), { recursive: true, force: true });
      }
    });

  pack
    .command('install <file>')
    .description(text('help-pack-install'))
    .option('--allow-downgrade', text('help-pack-install-allow-downgrade'))
    .option('--replace-key', text('help-pack-install-replace-key'))
    .action(async (file: string, options: { allowDowngrade?: boolean; replaceKey?: boolean }, command: Command) => {
      if ((await stat(file).catch(() => null))?.isDirectory()) return installPackFolder(layout, command, file);
      const progress = byteProgress(text('bar-installing'));
      const result = await withAdmin(layout, command, (api, session, core) => {
        core.onEvent((event) => event.type === 'pack-install-progress' && progress.update(event.bytes, event.total));
        return api
          .installPack({
            session,
            file,
            allowDowngrade: Boolean(options.allowDowngrade),
            replaceKey: Boolean(options.replaceKey),
          })
          .finally(() => progress.stop());
      });
      const { packId, version, previousVersion } = result;
      if (result.keyReplaced) {
        const { from: was, to } = result.keyReplaced;
        const pinned = was === 'app' ? text('pinned-to-app') : text('pinned-to-key', { keyId: was });
        print(text('pack-key-replaced', { packId, was: pinned, to }));
      }
      if (result.status !== 'installed') print(text('pack-already-installed', { packId, version }));
      else if (previousVersion) print(text('pack-upgraded', { packId, version, previous: previousVersion }));
      else print(text('pack-installed', { packId, version }));
    });

  pack
    .command('list')
    .description(text('help-pack-list'))
    .option('--json', text('help-option-json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      const packs = await withApi(layout, command, (api) => api.listPacks());
      if (options.json) return printJson(packs);
      if (packs.length === 0) return print(text('packs-none'));
      for (const p of packs) {
        const versions = p.versions.map((v) =>
          v.version === p.activeVersion ? text('version-active', { version: v.version }) : v.version,
        );
        print(text('pack-line', { id: p.id, title: p.title, versions: versions.join(', ') }));
      }
    });

  pack
    .command('use <packId> <version>')
    .description(text('help-pack-use'))
    .action(async (packId: string, version: string, _options: unknown, command: Command) => {
      await withAdmin(layout, command, (api, session) => api.activatePackVersion({ session, packId, version }));
      print(text('pack-uses-version', { packId, version }));
    });

  pack
    .command('remove <packId>')
    .description(text('help-pack-remove'))
    .action(async (packId: string, _options: unknown, command: Command) => {
      await withAdmin(layout, command, (api, session) => api.removePack({ session, packId }));
      print(text('pack-removed', { packId }));
    });

  pack
    .command('restore <packId>')
    .description(text('help-pack-restore'))
    .action(async (packId: string, _options: unknown, command: Command) => {
      const result = await withAdmin(layout, command, (api, session) => api.restoreShippedPack({ session, packId }));
      print(saidHere(restoredMessage(result)));
    });

  const trustCommand = program.command('trust').description(text('help-trust'));
  trustCommand
    .command('add <pubkeyFile>')
    .description(text('help-trust-add'))
    .requiredOption('--label <text>', text('help-trust-add-label'))
    .action(async (pubkeyFile: string, { label }: { label: string }, command: Command) => {
      const publicKey = await readFile(pubkeyFile, 'utf8');
      const key = await withAdmin(layout, command, (api, session) => api.addTrustedKey({ session, publicKey, label }));
      print(text('key-trusted', { keyId: key.keyId, label: key.label }));
    });
  trustCommand
    .command('list')
    .description(text('help-trust-list'))
    .action(async (_options: unknown, command: Command) => {
      const keys = await withApi(layout, command, (api) => api.listTrustedKeys());
      if (keys.length === 0) return print(text('keys-none'));
      for (const k of keys) print(text('key-line', { keyId: k.keyId, label: k.label, addedAt: k.addedAt }));
    });
  trustCommand
    .command('remove <keyId>')
    .description(text('help-trust-remove'))
    .action(async (keyId: string, _options: unknown, command: Command) => {
      await withAdmin(layout, command, (api, session) => api.removeTrustedKey({ session, keyId }));
      print(text('key-untrusted', { keyId }));
    });
}
