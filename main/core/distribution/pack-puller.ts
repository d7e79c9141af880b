import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { DISTRIBUTION_PATHS } from '../../../common/contract/distribution.js';
import type { DistributionStatus, FeedPack, PullOutcome } from '../../../common/contract/distribution.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { InstallResult } from '../../../common/contract/packs.js';
import { say } from '../../../common/i18n/message.js';
import { bytesSaid, DEFAULT_LIMITS } from '../../../content-packs/format/pack-archive.js';
import type { Logger } from '../../../infra/log/logger.js';
import { PackFeedClient } from './pack-feed-client.js';
import { downloadResumable, DownloadRefused } from './resumable-download.js';

export interface PullerDeps {
  /** A signed-in account's server and a fresh access token; null when no learner is linked or none answers. */
  access: () => Promise<{ serverUrl: string; accessToken: string } | null>;
  installedVersion: (packId: string) => string | undefined;
  /** The app's one install path: signature against this machine's trust store, then the pack's key pin. */
  install: (file: string) => Promise<InstallResult>;
  /** Partial and checked downloads wait here (under the data folder, so a resume survives a restart). */
  downloadsDir: string;
  emit: (status: DistributionStatus) => void;
  /**
   * A newer version of an installed pack that a pull ended without installing (the download failed, the install
   * was refused and waits for an admin): the learners hear of it. Called after each pull; the notice's id dedups.
   */
  updateAvailable?: (pack: { packId: string; version: string; installedVersion: string }) => void;
  now: () => Date;
  logger: Logger;
  /** Between two checks of the feed; the first is soon after start. */
  intervalMs?: number;
}

const DEFAULT_INTERVAL_MS = 5 * 60_000;
const FIRST_CHECK_MS = 5_000;

/**
 * The background pull of the class server's pack feed: while an account is signed in, the feed is read (a 304
 * while unchanged) and each pack newer than the installed version is downloaded (resumed after a cut), checked
 * against the feed's SHA-256 and installed through the normal install path. An install refused (untrusted key,
 * a pin to another key, a bad signature) is remembered by its hash and not fetched again until the app restarts.
 */
export class PackPuller {
  readonly #deps: PullerDeps;
  readonly #feed = new PackFeedClient();
  readonly #refused = new Map<string, string>();
  #status: DistributionStatus = {
    state: 'idle',
    serverUrl: null,
    current: null,
    checkedAt: null,
    message: null,
    outcomes: [],
  };
  #running: Promise<DistributionStatus> | null = null;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #abort = new AbortController();

  constructor(deps: PullerDeps) {
    this.#deps = deps;
  }

  status(): DistributionStatus {
    return this.#status;
  }

  start(): void {
    this.#stopped = false;
    this.#schedule(Math.min(FIRST_CHECK_MS, this.#deps.intervalMs ?? DEFAULT_INTERVAL_MS));
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#abort.abort();
  }

  /** One check of the feed and everything it brings; a second call while one runs joins it. */
  pullOnce(): Promise<DistributionStatus> {
    this.#running ??= this.#pull().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.pullOnce().finally(() => this.#schedule(this.#deps.intervalMs ?? DEFAULT_INTERVAL_MS));
    }, ms);
    this.#timer.unref();
  }

  #set(change: Partial<DistributionStatus>): void {
    this.#status = { ...this.#status, ...change };
    this.#deps.emit(this.#status);
  }

  async #pull(): Promise<DistributionStatus> {
    const access = await this.#deps.access().catch(() => null);
    if (!access) {
      this.#set({ state: 'not-signed-in', serverUrl: null, current: null, message: null });
      return this.#status;
    }
    const { serverUrl, accessToken } = access;
    this.#set({ state: 'checking', serverUrl, message: null });
    // Updates of installed packs the feed lists; each one this pull installs is taken off, the rest are announced.
    let waiting: FeedPack[] = [];
    try {
      const { feed } = await this.#feed.read(serverUrl, accessToken, this.#abort.signal);
      waiting = feed.packs.filter((p) => this.#isUpdate(p));
      const wanted = feed.packs.filter((p) => this.#wanted(p));
      const outcomes: PullOutcome[] = [];
      for (const pack of wanted) {
        const outcome = await this.#bring(serverUrl, accessToken, pack);
        if (outcome.status !== 'refused') waiting = waiting.filter((p) => p !== pack);
        outcomes.push(outcome);
      }
      this.#set({
        state: 'idle',
        current: null,
        checkedAt: this.#deps.now().toISOString(),
        ...(outcomes.length > 0 ? { outcomes } : {}),
      });
    } catch (error) {
      this.#deps.logger.info({ err: error, serverUrl }, 'distribution: the pull stopped; the next one resumes it');
      this.#set({
        state: 'offline',
        current: null,
        message: `The class server's packs could not be fetched: ${(error as Error).message}`,
      });
    } finally {
      this.#announce(waiting);
    }
    return this.#status;
  }

  /** A newer version than the one installed (a first install is not an update: nothing to tell yet). */
  #isUpdate(pack: FeedPack): boolean {
    const installed = this.#deps.installedVersion(pack.packId);
    return installed !== undefined && semver.valid(pack.version) !== null && semver.gt(pack.version, installed);
  }

  #announce(waiting: FeedPack[]): void {
    for (const { packId, version } of waiting) {
      // Read again: an admin may have installed it by hand meanwhile.
      const installedVersion = this.#deps.installedVersion(packId);
      if (installedVersion === undefined || !semver.gt(version, installedVersion)) continue;
      this.#deps.updateAvailable?.({ packId, version, installedVersion });
    }
  }

  #wanted(pack: FeedPack): boolean {
    if (this.#refused.has(pack.sha256)) return false;
    const installed = this.#deps.installedVersion(pack.packId);
    return !installed || (semver.valid(pack.version) !== null && semver.gt(pack.version, installed));
  }

  /** Downloads and installs one pack; a network failure throws (the part is kept), a refusal is an outcome. */
  async #bring(serverUrl: string, accessToken: string, pack: FeedPack): Promise<PullOutcome> {
    const { packId, version, sha256, bytes } = pack;
    // The download stops only at the size the feed promised: a server promising more than a pack may be
    // would fill the disk before the signature could refuse it.
    if (bytes > DEFAULT_LIMITS.archiveBytes) {
      const reason = say('pack-feed-over-limit', {
        size: bytesSaid(bytes),
        limit: bytesSaid(DEFAULT_LIMITS.archiveBytes),
      }).text;
      this.#refused.set(sha256, reason);
      return { packId, version, status: 'refused', reason };
    }
    await mkdir(this.#deps.downloadsDir, { recursive: true });
    const file = join(this.#deps.downloadsDir, `${sha256}.lpack`);
    this.#set({ state: 'downloading', current: { packId, version, bytes: 0, total: bytes } });
    try {
      await downloadResumable({
        url: `${serverUrl}${DISTRIBUTION_PATHS.packFile}/${sha256}`,
        accessToken,
        sha256,
        bytes,
        file,
        signal: this.#abort.signal,
        onProgress: (done, total) => this.#progress(packId, version, done, total),
      });
    } catch (error) {
      if (!(error instanceof DownloadRefused)) throw error;
      return { packId, version, status: 'refused', reason: error.message };
    }
    this.#set({ state: 'installing' });
    try {
      const result = await this.#deps.install(file);
      return { packId, version, status: result.status };
    } catch (error) {
      if (!(error instanceof LearnError)) throw error;
      this.#refused.set(sha256, error.message);
      this.#deps.logger.warn({ packId, version, sha256, reason: error.message }, 'distribution: a pack was refused');
      return { packId, version, status: 'refused', reason: error.message };
    } finally {
      await rm(file, { force: true });
    }
  }

  /** Progress goes out at most once per whole percent, not once per network chunk. */
  #progress(packId: string, version: string, bytes: number, total: number): void {
    const last = this.#status.current;
    const percent = (n: number) => Math.floor((n * 100) / Math.max(total, 1));
    if (last && last.packId === packId && percent(last.bytes) === percent(bytes) && bytes !== total) return;
    this.#set({ current: { packId, version, bytes, total } });
  }
}
