import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type * as TF from '@tensorflow/tfjs';

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** Why a saved model could not be read: no model there, or files that are damaged or do not belong together. */
export class ModelFileError extends Error {
  constructor(
    readonly state: 'missing' | 'corrupt',
    folder: string,
    reason: string,
  ) {
    super(`The model in ${folder} is ${state}: ${reason}`);
    this.name = 'ModelFileError';
  }
}

interface ModelJson {
  format: string;
  generatedBy: string;
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: TF.io.WeightsManifestEntry[] }[];
  userDefinedMetadata?: Record<string, unknown>;
  /** SHA-256 of weights.bin, so a truncated or altered file is caught before it is read. */
  weightsSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const asBytes = (data: TF.io.WeightData | undefined): Uint8Array => {
  if (data === undefined) return new Uint8Array();
  if (Array.isArray(data)) return Buffer.concat(data.map((d) => new Uint8Array(d)));
  return new Uint8Array(data);
};

/**
 * A TensorFlow.js IOHandler for one folder holding model.json (tfjs's layout, plus a checksum) and
 * weights.bin. It works with plain tfjs, whose file:// handler needs tfjs-node. A save is written
 * to a sibling staging folder and renamed into place, so a reader sees the old model or the new
 * one, never half of each; a crash between the two renames leaves no model (read as missing).
 */
export function modelFolder(folder: string): Required<Pick<TF.io.IOHandler, 'save' | 'load'>> {
  return {
    async save(artifacts) {
      const weights = asBytes(artifacts.weightData);
      const json: ModelJson = {
        format: artifacts.format ?? 'lionlearn-kt',
        generatedBy: artifacts.generatedBy ?? 'lionlearn',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
        weightsSha256: sha256(weights),
      };
      const parent = dirname(folder);
      const stamp = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const staging = join(parent, `.staging-${basename(folder)}-${stamp}`);
      const old = join(parent, `.old-${basename(folder)}-${stamp}`);
      await mkdir(staging, { recursive: true });
      // Leftovers of a save that was cut short (the trainer thread stopped mid-write).
      for (const entry of await readdir(parent)) {
        const leftover = [`.staging-${basename(folder)}-`, `.old-${basename(folder)}-`].some((p) =>
          entry.startsWith(p),
        );
        if (leftover && join(parent, entry) !== staging)
          await rm(join(parent, entry), { recursive: true, force: true });
      }
      try {
        await writeFile(join(staging, WEIGHTS_FILE), weights, { flush: true });
        await writeFile(join(staging, MODEL_FILE), JSON.stringify(json), { flush: true });
        if (existsSync(folder)) await rename(folder, old);
        await rename(staging, folder);
      } finally {
        await rm(staging, { recursive: true, force: true });
        await rm(old, { recursive: true, force: true });
      }
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weights.byteLength,
        },
      };
    },

    async load() {
      let text: string;
      try {
        text = await readFile(join(folder, MODEL_FILE), 'utf8');
      } catch {
        throw new ModelFileError('missing', folder, `there is no ${MODEL_FILE}`);
      }
      let json: ModelJson;
      try {
        json = JSON.parse(text) as ModelJson;
      } catch (error) {
        throw new ModelFileError('corrupt', folder, `${MODEL_FILE} is not JSON (${(error as Error).message})`);
      }
      const specs = json.weightsManifest?.[0]?.weights;
      if (!Array.isArray(specs) || typeof json.weightsSha256 !== 'string') {
        throw new ModelFileError('corrupt', folder, `${MODEL_FILE} lacks its weights manifest or checksum`);
      }
      let weights: Buffer;
      try {
        weights = await readFile(join(folder, WEIGHTS_FILE));
      } catch {
        throw new ModelFileError('corrupt', folder, `${WEIGHTS_FILE} is missing`);
      }
      if (sha256(weights) !== json.weightsSha256) {
        throw new ModelFileError('corrupt', folder, `${WEIGHTS_FILE} does not match its checksum`);
      }
      const artifacts: TF.io.ModelArtifacts = {
        format: json.format,
        generatedBy: json.generatedBy,
        modelTopology: json.modelTopology as object,
        weightSpecs: specs,
        weightData: new Uint8Array(weights).buffer,
        ...(json.userDefinedMetadata
          ? { userDefinedMetadata: json.userDefinedMetadata as Record<string, object> }
          : {}),
      };
      return artifacts;
    },
  };
}

/** The models of this install, one folder each under `<dataDir>/models/`. */
export class ModelStore {
  constructor(readonly dir: string) {}

  folder(name: string): string {
    return join(this.dir, name);
  }

  handler(name: string) {
    return modelFolder(this.folder(name));
  }
}
