import { EventEmitter } from 'node:events';

/** A refresh family (one sign-in) or every family of an account stopped being valid. */
export type RevocationEvent = { type: 'revoked'; family: string } | { type: 'revoked-account'; accountId: string };

/**
 * How a revocation reaches whoever holds sockets opened with the revoked tokens. The default stays in this
 * process; with several instances the fan-out backs it by Redis so every instance hears it.
 */
export interface RevocationBus {
  publish(event: RevocationEvent): void;
  subscribe(listener: (event: RevocationEvent) => void): () => void;
}

export function createLocalRevocationBus(): RevocationBus {
  const emitter = new EventEmitter();
  // One listener per open document socket layer, not per socket, but do not warn on a busy test either.
  emitter.setMaxListeners(0);
  return {
    publish: (event) => emitter.emit('revocation', event),
    subscribe(listener) {
      emitter.on('revocation', listener);
      return () => emitter.off('revocation', listener);
    },
  };
}
