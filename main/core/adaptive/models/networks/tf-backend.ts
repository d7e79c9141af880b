import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { useMatMulGradient } from './plain-matmul-gradient.js';
import { say } from '../../../../../common/i18n/message.js';
import type { Said } from '../../../../../common/i18n/message.js';

export type Tf = typeof TF;

export interface TfBackend {
  tf: Tf;
  /** 'tensorflow' (tfjs-node, native), 'wasm' or 'cpu'. */
  name: string;
  /** Why the preferred backend is not the one in use (a catalog message, for doctor); null when it is. */
  note: Said | null;
}

const require = createRequire(import.meta.url);
let loaded: Promise<TfBackend> | undefined;

/**
 * tfjs-node where it installed (its install downloads libtensorflow, which fails offline), else
 * tfjs on the WebAssembly backend (about 4x the plain CPU backend on small models here), else
 * the CPU backend. The same model code runs on all three. Loaded once, on first use.
 */
export function loadTf(): Promise<TfBackend> {
  loaded ??= (async () => {
    let note: Said;
    try {
      const tf = require('@tensorflow/tfjs-node') as Tf;
      await tf.ready();
      return { tf, name: tf.getBackend(), note: null };
    } catch (error) {
      note = say('tf-node-unusable', { error: firstLine(error) });
    }
    const tf = require('@tensorflow/tfjs') as Tf;
    try {
      const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void };
      wasm.setWasmPaths(`${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
      if (await tf.setBackend('wasm')) {
        useMatMulGradient(tf, 'plain');
        return { tf, name: 'wasm', note };
      }
      note = say('tf-wasm-not-started', { note });
    } catch (error) {
      note = say('tf-wasm-failed', { note, error: firstLine(error) });
    }
    await tf.setBackend('cpu');
    return { tf, name: 'cpu', note: say('tf-using-cpu', { note }) };
  })();
  return loaded;
}

const firstLine = (error: unknown) =>
  String(error instanceof Error ? error.message : error)
    .split('\n')[0]!
    .slice(0, 160);
