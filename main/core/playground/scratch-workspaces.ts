import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LearnError } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { SandboxRunResult } from '../../../common/contract/playground.js';
import type { SandboxJob, SandboxOutcome } from './sandbox-run.js';

const STARTER = { 'main.py': '# Your scratch space: files here stay between runs.\nprint("Hello from the sandbox")\n' };

/**
 * The seed's createSandbox / destroySandbox: a scratch folder per learner on this machine whose
 * files persist between runs. Each run still gets a fresh container: the files go in, and what
 * the program leaves in /work comes back out. Folders idle past the timeout are removed.
 */
export class ScratchWorkspaces {
  readonly #sweep: NodeJS.Timeout;

  constructor(
    private readonly root: string,
    private readonly run: (job: SandboxJob) => Promise<SandboxOutcome>,
    private readonly idleMs = 30 * 60_000,
  ) {
    this.#sweep = setInterval(() => void this.removeIdle(), 60_000).unref();
  }

  async create(learnerId: string): Promise<{ sandboxId: string; files: Record<string, string> }> {
    const sandboxId = `box-${randomBytes(16).toString('base64url')}`;
    const dir = this.#dir(learnerId, sandboxId);
    await mkdir(dir, { recursive: true });
    await this.#replace(dir, STARTER);
    return { sandboxId, files: { ...STARTER } };
  }

  async runIn(
    learnerId: string,
    sandboxId: string,
    request: { files: Record<string, string>; entry: string; stdin: string },
  ): Promise<SandboxRunResult> {
    const dir = await this.#existing(learnerId, sandboxId);
    const files = { ...(await this.#read(dir)), ...request.files };
    if (!(request.entry in files))
      throw new LearnError('invalid-input', say('sandbox-no-entry', { entry: request.entry }));
    const {
      report,
      loaderErrors: _loaderErrors,
      cancelled: _cancelled,
      ...result
    } = await this.run({
      mode: 'run',
      files,
      stdin: request.stdin,
      entry: request.entry,
      returnFiles: true,
    });
    // The report was parsed against the contract's workspace rules (names, sizes, count) as it came
    // out of the container. Without one (killed, timed out) the files sent in are what is kept.
    const kept = report?.files ?? files;
    await this.#replace(dir, kept);
    return { ...result, files: kept, filesLeftOut: report?.filesLeftOut ?? [] };
  }

  async destroy(learnerId: string, sandboxId: string): Promise<void> {
    await rm(await this.#existing(learnerId, sandboxId), { recursive: true, force: true });
  }

  async removeIdle(): Promise<number> {
    let removed = 0;
    const learners = await readdir(this.root).catch(() => [] as string[]);
    for (const learner of learners) {
      for (const box of await readdir(join(this.root, learner)).catch(() => [] as string[])) {
        const dir = join(this.root, learner, box);
        if (Date.now() - (await stat(dir)).mtimeMs > this.idleMs) {
          await rm(dir, { recursive: true, force: true });
          removed += 1;
        }
      }
    }
    return removed;
  }

  close(): void {
    clearInterval(this.#sweep);
  }

  #dir(learnerId: string, sandboxId: string): string {
    return join(this.root, learnerId, sandboxId);
  }

  async #existing(learnerId: string, sandboxId: string): Promise<string> {
    const dir = this.#dir(learnerId, sandboxId);
    // Another learner's sandbox is simply not found: ids are looked up under the caller's own folder.
    if (!(await stat(dir).catch(() => undefined))) throw new LearnError('not-found', say('sandbox-gone'));
    const now = new Date();
    await utimes(dir, now, now);
    return dir;
  }

  async #read(dir: string): Promise<Record<string, string>> {
    const names = await readdir(dir);
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')])));
  }

  async #replace(dir: string, files: Record<string, string>): Promise<void> {
    for (const name of await readdir(dir)) if (!(name in files)) await rm(join(dir, name));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  }
}
