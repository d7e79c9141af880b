import type { RevocationBus } from '../accounts/revocation-bus.js';

/**
 * Carries what one server instance committed to the others: document updates (already stored by the
 * instance that publishes them, so receivers only apply and broadcast them) and revocations of tokens.
 * In-process by default (one instance); Redis pub/sub when several instances share one database.
 */
export interface Fanout {
  /** Sends a committed update of `doc` to the other instances; never back to this one. */
  publish(doc: string, update: Uint8Array): Promise<void>;
  /** `handler` receives the updates other instances committed to `doc`. Returns the unsubscribe. */
  subscribe(doc: string, handler: (update: Uint8Array) => void): () => void;
  /**
   * Resolves once every subscription asked for so far is live. A document is loaded from storage only
   * after this, so an update another instance commits during the load arrives by one path or the other.
   */
  subscribed(): Promise<void>;
  /** `listener` runs when messages may have been lost (the connection to the broker dropped and came back). */
  onGap(listener: () => void): () => void;
  /** Revocations reach every instance, this one included, so each closes the sockets the token opened. */
  readonly revocations: RevocationBus;
  close(): Promise<void>;
}
