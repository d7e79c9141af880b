import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { DockerEngine } from './docker-engine.js';
import { checkImageArchive } from './image-archive-check.js';

export interface ImageProgress {
  phase: 'load' | 'build';
  /** 0 to 100. */
  percent: number;
  detail: string;
}

const RECIPE_FILES = ['recipe.sh', 'loader.py', 'harness.py'];

/**
 * The sandbox images, one per runtime a pack names. The tag is a hash of the runtime's recipe,
 * so a changed harness means a new image. An image comes from the engine if present, else from an
 * archive an admin placed in the data folder (docker load), else from the recipe (sandbox build).
 */
export class RuntimeImages {
  readonly #tags = new Map<string, string>();

  constructor(
    private readonly engine: DockerEngine,
    readonly runtimesDir: string,
    /** Where admins drop `<runtime>.tar` files made by `docker save`. */
    readonly archivesDir: string,
    /** An archive an installed pack carries for the runtime. */
    private readonly packArchive: (runtime: string) => Promise<string | undefined> = async () => undefined,
  ) {}

  known(runtime: string): boolean {
    return /^[a-z0-9.-]+$/.test(runtime) && existsSync(join(this.runtimesDir, runtime, 'recipe.sh'));
  }

  imageFor(runtime: string): string {
    let tag = this.#tags.get(runtime);
    if (!tag) {
      const hash = createHash('sha256');
      for (const file of RECIPE_FILES) hash.update(readFileSync(join(this.runtimesDir, runtime, file)));
      tag = `lionlearn/${runtime}:${hash.digest('hex').slice(0, 12)}`;
      this.#tags.set(runtime, tag);
    }
    return tag;
  }

  /** The admin's archive first (they chose it for this machine), else one a pack carries. */
  async archiveFor(runtime: string): Promise<string | undefined> {
    const file = join(this.archivesDir, `${runtime}.tar`);
    return existsSync(file) ? file : this.packArchive(runtime);
  }

  /**
   * `docker load` with progress by bytes read, then tagged as this recipe's image. The archive may
   * name no image but this one (docker load would apply any name it carries engine-wide).
   */
  async load(runtime: string, file: string, onProgress: (p: ImageProgress) => void = () => {}): Promise<void> {
    await checkImageArchive(file, this.imageFor(runtime));
    const total = statSync(file).size;
    let read = 0;
    let shown = -1;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        const percent = Math.floor((100 * read) / total);
        // One report per percent, not per chunk: a 100 MB image is thousands of chunks.
        if (percent !== shown) onProgress({ phase: 'load', percent, detail: `${read} of ${total} bytes` });
        shown = percent;
        done(null, chunk);
      },
    });
    const output = await this.engine.call(async (docker) => {
      const stream = await docker.loadImage(createReadStream(file).pipe(counter));
      const lines: string[] = [];
      for await (const chunk of stream) lines.push(String(chunk));
      return lines.join('');
    });
    const loaded = /Loaded image(?: ID)?: (\S+?)\\?n?"/.exec(output)?.[1];
    if (!loaded) throw new Error(`${file} holds no image (docker load said: ${output.slice(0, 200)})`);
    const [repo, tag] = this.imageFor(runtime).split(':') as [string, string];
    await this.engine.call((docker) => docker.getImage(loaded).tag({ repo, tag }));
  }

  /** Runs the recipe (debootstrap needs root); every line of its output is reported. */
  build(runtime: string, onProgress: (p: ImageProgress) => void = () => {}): Promise<string> {
    const tag = this.imageFor(runtime);
    const recipe = join(this.runtimesDir, runtime, 'recipe.sh');
    return new Promise((resolve, reject) => {
      const child = spawn('sh', [recipe, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
      let percent = 0;
      let tail = '';
      const onLine = (line: string) => {
        const step = /^step (\d)\/3/.exec(line);
        // debootstrap's own steps fill the first 70%; trimming and import the rest.
        if (step) percent = [0, 2, 70, 80][Number(step[1])]!;
        else if (/^I: (Retrieving|Validating|Extracting|Unpacking|Configuring)/.test(line))
          percent = Math.min(69, percent + 0.25);
        tail = `${tail}\n${line}`.slice(-2000);
        onProgress({ phase: 'build', percent: Math.floor(percent), detail: line });
      };
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = '';
        stream.setEncoding('utf8').on('data', (chunk: string) => {
          const lines = (buffered + chunk).split('\n');
          buffered = lines.pop()!;
          lines.forEach(onLine);
        });
      }
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? (onProgress({ phase: 'build', percent: 100, detail: `built ${tag}` }), resolve(tag))
          : reject(new Error(`the recipe failed (exit ${code}); its last output:${tail}`)),
      );
    });
  }
}
