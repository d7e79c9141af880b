import { InvalidArgumentError } from 'commander';
import { isHeaded } from '../../core/adaptive/models/deep-kt.js';
import type { Architecture, DeepKtOptions } from '../../core/adaptive/models/deep-kt.js';
import { APP_MODEL } from '../../core/adaptive/models/storage/trained-model.js';
import { text } from '../i18n/cli-i18n.js';

/** The names `--model` takes; the option holds the name, so the default --help shows is one it accepts. */
export const ARCHITECTURE = {
  dkt: 'lstm',
  'dkt-history': 'lstm-history',
  'dkt-answer': 'lstm-answer',
  sakt: 'attention',
  akt: 'akt',
  dkvmn: 'dkvmn',
  'dkvmn-history': 'dkvmn-history',
} as const satisfies Record<string, Architecture>;
export type ModelName = keyof typeof ARCHITECTURE;
export const DEFAULT_MODEL = (Object.keys(ARCHITECTURE) as ModelName[]).find(
  (n) => ARCHITECTURE[n] === APP_MODEL.architecture,
)!;

/**
 * One entry of `model eval --model`: a deep model, and what it sets apart from the command's own options
 * (`akt:128x4`: 128 units and 4 heads; `dkt-history@8`: seed 8). A stack can then hold two sizes or two seeds
 * of one model, which `--hidden`, `--heads` and `--seed`, set for every model, cannot give.
 */
export interface ModelSpec {
  model: ModelName;
  hidden?: number;
  heads?: number;
  seed?: number;
  /** What the tables add to the model's name: the entry as written after the name (" 128x4 @8"), or "". */
  suffix: string;
}

const ENTRY = /^([a-z-]+)(?::(\d{1,4})(?:x(\d{1,2}))?)?(?:@(\d{1,9}))?$/;

/** `--model dkt-history,akt,akt:128x4@8`: known names, each entry once, in the order given. */
export function parseModels(value: string): ModelSpec[] {
  const specs = value.split(',').map((entry) => parseEntry(entry.trim()));
  const written = specs.map((s) => `${s.model}${s.suffix}`);
  if (new Set(written).size !== written.length) throw invalid();
  return specs;
}

function parseEntry(entry: string): ModelSpec {
  const [, name, hidden, heads, seed] = ENTRY.exec(entry) ?? [];
  if (!name || !Object.hasOwn(ARCHITECTURE, name)) throw invalid();
  const model = name as ModelName;
  const spec: ModelSpec = { model, suffix: '' };
  if (hidden !== undefined) {
    spec.hidden = Number(hidden);
    if (spec.hidden < 1) throw invalid();
    spec.suffix = ` ${spec.hidden}`;
  }
  if (heads !== undefined) {
    spec.heads = Number(heads);
    // Attention splits its units among the heads; an LSTM has none to split.
    if (!isHeaded(ARCHITECTURE[model]) || spec.heads < 1 || spec.hidden! % spec.heads !== 0) throw invalid();
    spec.suffix += `x${spec.heads}`;
  }
  if (seed !== undefined) {
    spec.seed = Number(seed);
    spec.suffix += ` @${spec.seed}`;
  }
  return spec;
}

const invalid = () =>
  new InvalidArgumentError(text('option-models-invalid', { names: Object.keys(ARCHITECTURE).join(', ') }));

/** The command's options for every deep model. */
export interface DeepDefaults {
  hidden?: number;
  heads?: number;
  seed: number;
}

/** A spec's own settings over the command's: the DeepKt options that differ by model. */
export function specOptions(spec: ModelSpec, defaults: DeepDefaults): DeepKtOptions {
  const hidden = spec.hidden ?? defaults.hidden;
  const heads = spec.heads ?? defaults.heads;
  return {
    architecture: ARCHITECTURE[spec.model],
    seed: spec.seed ?? defaults.seed,
    ...(hidden ? { hidden, embedding: hidden } : {}),
    ...(heads ? { heads } : {}),
  };
}
