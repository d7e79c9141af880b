import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_PATHS } from '../../common/contract/distribution.js';
import { locateInstall } from '../core/host/install-layout.js';
import { APP_ICONS, APP_ID, APP_NAME, trayIcon, windowIcon } from './app-identity.js';
import { DEEP_LINK_SCHEME } from './policy/deep-link.js';

const ROOT = join(import.meta.dirname, '../..');

let loaded: ReturnType<typeof getConfig> | undefined;
/** electron-builder's own loading and validation of electron-builder.yml: what `npm run dist` would build from. */
function builderConfig() {
  loaded ??= getConfig(ROOT, 'electron-builder.yml', null).then(async (config) => {
    await validateConfiguration(config, new DebugLogger(false));
    return config;
  });
  return loaded;
}

const unpacked = (patterns: readonly string[], path: string) => patterns.some((p) => minimatch(path, p, { dot: true }));

/** Whether electron-builder's `files` take a path into the app: some pattern includes it and no `!` pattern drops it. */
function packed(files: unknown, path: string): boolean {
  const patterns = [files]
    .flat()
    .flatMap((set) =>
      typeof set === 'string' ? [set] : [(set as { filter?: string | string[] }).filter ?? []].flat(),
    );
  const matches = (p: string) => minimatch(path, p, { dot: true });
  return (
    patterns.some((p) => !p.startsWith('!') && matches(p)) &&
    !patterns.some((p) => p.startsWith('!') && matches(p.slice(1)))
  );
}

// Loading electron-builder's schema takes seconds on a busy machine.
describe(
  'the desktop packaging (electron-builder.yml, checked without the Electron binary)',
  { timeout: 60_000 },
  () => {
    it('builds AppImage and deb, NSIS and dmg, and electron-builder accepts the file', async () => {
      const config = await builderConfig();
      expect(config.linux?.target).toEqual(['AppImage', 'deb']);
      expect(config.win?.target).toEqual(['nsis']);
      expect(config.mac?.target).toEqual(['dmg']);
    });

    it("has Windows apps check an update's code signature against a named publisher", async () => {
      const { win } = await builderConfig();
      // electron-updater verifies only when app-update.yml names a publisher (PublishManager: the name given here).
      expect(win?.verifyUpdateCodeSignature).not.toBe(false);
      expect([win?.signtoolOptions?.publisherName].flat().filter(Boolean).length).toBeGreaterThan(0);
    });

    it('sets the fuses: no run-as-node, no NODE_OPTIONS or inspector, cookies encrypted, asar only and checked', async () => {
      expect((await builderConfig()).electronFuses).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      });
    });

    it('unpacks from the asar every native module, .wasm file and the worker scripts the app starts', async () => {
      const patterns = [(await builderConfig()).asarUnpack ?? []].flat() as string[];
      const layout = locateInstall(ROOT);
      for (const path of [
        relative(ROOT, layout.trainerScript),
        relative(ROOT, layout.scoringScript),
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
        'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
        'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
      ]) {
        expect(unpacked(patterns, path), path).toBe(true);
      }
      expect(unpacked(patterns, 'dist/electron/main.cjs')).toBe(false);
    });

    it('ships the packs as extra resources, where the packaged app looks for them, and its worker unpacked', async () => {
      const config = await builderConfig();
      expect(config.extraResources).toEqual([expect.objectContaining({ from: 'content-packs', to: 'content-packs' })]);
      // A packaged tree as electron-builder lays it out: resources/app.asar, app.asar.unpacked, content-packs.
      const resources = mkdtempSync(join(tmpdir(), 'resources-'));
      mkdirSync(join(resources, 'app.asar', 'dist', 'electron'), { recursive: true });
      writeFileSync(
        join(resources, 'app.asar', 'package.json'),
        JSON.stringify({ name: 'lionagi-learn', version: '9.9.9' }),
      );
      const layout = locateInstall(join(resources, 'app.asar', 'dist', 'electron'));
      expect(layout.bundledPacksDir).toBe(join(resources, 'content-packs'));
      expect(layout.trainerScript).toBe(join(resources, 'app.asar.unpacked', 'dist', 'workers', 'kt-trainer.mjs'));
      expect(layout.scoringScript).toBe(join(resources, 'app.asar.unpacked', 'dist', 'workers', 'kt-scoring.mjs'));
      expect(layout.appVersion).toBe('9.9.9');
    });

    it('registers the deep-link scheme and takes updates from the class server feed only', async () => {
      const config = await builderConfig();
      expect([config.protocols].flat()).toEqual([expect.objectContaining({ schemes: [DEEP_LINK_SCHEME] })]);
      const publish = [config.publish].flat()[0] as { provider: string; url: string };
      expect(publish.provider).toBe('generic');
      expect(new URL(publish.url).pathname).toBe(DISTRIBUTION_PATHS.appFeed);
    });

    it('names the app and points at its icons as the app does, and packs the icons it reads at run time', async () => {
      const config = await builderConfig();
      // Windows ties notifications to the AppUserModelID, which NSIS gives the shortcut from appId.
      expect(config.appId).toBe(APP_ID);
      expect(config.productName).toBe(APP_NAME);
      expect(config.icon).toBe(APP_ICONS.installer.file);
      expect(config.linux?.icon).toBe('build/icons');
      for (const platform of ['linux', 'darwin', 'win32'] as const) {
        for (const file of [windowIcon(ROOT), trayIcon(ROOT, platform)]) {
          expect(packed(config.files, relative(ROOT, file)), file).toBe(true);
        }
      }
      expect(packed(config.files, 'build/icon.svg')).toBe(false);
    });
  },
);
