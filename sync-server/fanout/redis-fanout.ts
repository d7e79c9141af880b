import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RevocationBus, RevocationEvent } from '../accounts/revocation-bus.js';
import type { Fanout } from './fanout.js';
import { Listeners } from './listeners.js';

const DOC_CHANNEL = 'sync:doc:';
const CONTROL_CHANNEL = 'sync:control';
const ID_BYTES = 16;

/**
 * Fan-out between instances over Redis pub/sub: one connection publishes, one subscribes (a subscribed
 * Redis connection can do nothing else). A document channel is subscribed only while the document is
 * loaded here. Each message starts with the sending instance's id, so an instance skips its own.
 */
export class RedisFanout implements Fanout {
  private readonly id = randomBytes(ID_BYTES);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly docs = new Listeners<string, Uint8Array>();
  private readonly control = new Listeners<'revocation', RevocationEvent>();
  private readonly gaps = new Set<() => void>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private connectedOnce = false;

  readonly revocations: RevocationBus = {
    publish: (event) => {
      // Here at once, so this instance closes its sockets even when Redis is down; the others by Redis.
      this.control.emit('revocation', event);
      const message = JSON.stringify({ from: this.id.toString('hex'), event });
      // Not reaching the others leaves their sockets open until the token expires (minutes): say so.
      this.publisher.publish(CONTROL_CHANNEL, message).catch((error: unknown) => this.onError(error));
    },
    subscribe: (handler) => {
      this.control.add('revocation', handler);
      return () => void this.control.remove('revocation', handler);
    },
  };

  constructor(
    url: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.publisher = new Redis(url);
    this.subscriber = new Redis(url);
    // ioredis reconnects by itself; a failed command also rejects to its caller.
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('ready', () => {
      // ioredis re-subscribes after a reconnect, but what was published meanwhile is gone.
      if (this.connectedOnce) for (const listener of [...this.gaps]) listener();
      this.connectedOnce = true;
    });
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.watch(this.subscriber.subscribe(CONTROL_CHANNEL));
  }

  private watch(subscription: Promise<unknown>) {
    this.inFlight.add(subscription);
    const settled = () => void this.inFlight.delete(subscription);
    subscription.then(settled, settled);
  }

  private receive(channel: Buffer, message: Buffer) {
    const name = channel.toString();
    if (name === CONTROL_CHANNEL) {
      const { from, event } = parseControl(message);
      if (event && from !== this.id.toString('hex')) this.control.emit('revocation', event);
      return;
    }
    if (!name.startsWith(DOC_CHANNEL) || message.length < ID_BYTES) return;
    if (message.subarray(0, ID_BYTES).equals(this.id)) return;
    this.docs.emit(name.slice(DOC_CHANNEL.length), new Uint8Array(message.subarray(ID_BYTES)));
  }

  async publish(doc: string, update: Uint8Array) {
    await this.publisher.publish(DOC_CHANNEL + doc, Buffer.concat([this.id, update]));
  }

  subscribe(doc: string, handler: (update: Uint8Array) => void) {
    if (this.docs.add(doc, handler)) this.watch(this.subscriber.subscribe(DOC_CHANNEL + doc));
    return () => {
      if (this.docs.remove(doc, handler)) void this.subscriber.unsubscribe(DOC_CHANNEL + doc).catch(() => undefined);
    };
  }

  async subscribed() {
    await Promise.all(this.inFlight);
  }

  onGap(listener: () => void) {
    this.gaps.add(listener);
    return () => void this.gaps.delete(listener);
  }

  async close() {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}

function parseControl(message: Buffer): { from?: string; event?: RevocationEvent } {
  try {
    return JSON.parse(message.toString()) as { from: string; event: RevocationEvent };
  } catch {
    return {};
  }
}
