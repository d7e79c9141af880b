import { DeepKt } from './deep-kt.js';
import type { DeepKtOptions } from './deep-kt.js';

export { skillCount } from './deep-kt.js';

export type DktOptions = Omit<DeepKtOptions, 'architecture'>;

/** Deep knowledge tracing (Piech et al. 2015): the LSTM variant of DeepKt. */
export class Dkt extends DeepKt {
  constructor(options: DktOptions = {}) {
    super({ ...options, architecture: 'lstm' });
  }
}

/** Self-attentive knowledge tracing (Pandey and Karypis 2019): the attention variant of DeepKt. */
export class Sakt extends DeepKt {
  constructor(options: DktOptions = {}) {
    super({ ...options, architecture: 'attention' });
  }
}

/** Context-aware attentive knowledge tracing (Ghosh et al. 2020): monotonic attention, Rasch-style skill vectors. */
export class Akt extends DeepKt {
  constructor(options: DktOptions = {}) {
    super({ ...options, architecture: 'akt' });
  }
}

/** Dynamic key-value memory network (Zhang et al. 2017): a memory of latent concepts each answer writes to. */
export class Dkvmn extends DeepKt {
  constructor(options: DktOptions = {}) {
    super({ ...options, architecture: 'dkvmn' });
  }
}
