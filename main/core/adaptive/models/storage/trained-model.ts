import { DeepKt } from '../deep-kt.js';
import type { DeepKtOptions } from '../deep-kt.js';
import { modelFolder } from './model-store.js';

/**
 * The deep model the app trains and serves, chosen by `lionlearn model eval` on the public
 * knowledge-tracing sets: the LSTM (DKT) ranked better than self-attention (SAKT) on all three,
 * for about the same training time. The other settings are DeepKt's defaults.
 */
export const APP_MODEL: DeepKtOptions = { architecture: 'lstm', epochs: 12 };

/** What a saved model carries besides its weights. */
export interface ModelMetadata {
  /** Skill ids by the model's skill number. */
  skills: string[];
  learners: number;
  answers: number;
  trainedAt: string;
  /** The pack whose shipped model this one started from, if any. */
  prior: string | null;
}

export async function saveTrained(model: DeepKt, folder: string, metadata: ModelMetadata): Promise<void> {
  await model.save(modelFolder(folder), { ...metadata });
}

/** Reads a saved model; throws a ModelFileError for missing or damaged files, an Error for a model that does not fit its metadata. */
export async function loadTrained(
  folder: string,
  options: DeepKtOptions = {},
): Promise<{ model: DeepKt; metadata: ModelMetadata }> {
  const model = await DeepKt.load(modelFolder(folder), options);
  const metadata = model.metadata as Partial<ModelMetadata>;
  const skills = metadata.skills;
  if (!Array.isArray(skills) || skills.length !== model.skills || skills.some((s) => typeof s !== 'string')) {
    model.dispose();
    throw new Error(`the model in ${folder} does not name its ${model.skills} skills`);
  }
  return {
    model,
    metadata: {
      skills,
      learners: Number(metadata.learners ?? 0),
      answers: Number(metadata.answers ?? 0),
      trainedAt: String(metadata.trainedAt ?? ''),
      prior: typeof metadata.prior === 'string' ? metadata.prior : null,
    },
  };
}
