import { learnMethods } from '../../common/contract/api.js';
import { dispatch } from '../../common/contract/bridge.js';
import type { LearnBridge } from '../../common/contract/bridge.js';
import type { Core } from './create-core.js';

/** The contract in-process: the same validation and envelopes as IPC and HTTP, no transport. */
export function localBridge(core: Pick<Core, 'api' | 'onEvent' | 'logger'>): LearnBridge {
  const calls = learnMethods.map((name) => [
    name,
    (input?: unknown) => dispatch(core.api, name, input, (error) => core.logger.error({ err: error }, 'call failed')),
  ]);
  return { ...Object.fromEntries(calls), onEvent: core.onEvent } as LearnBridge;
}
