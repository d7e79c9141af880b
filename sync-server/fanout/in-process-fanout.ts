import type { RevocationBus, RevocationEvent } from '../accounts/revocation-bus.js';
import type { Fanout } from './fanout.js';
import { Listeners } from './listeners.js';

/** The instances of one process: usually one; tests put two servers on one hub. */
export class InProcessHub {
  readonly members = new Set<InProcessFanout>();
}

/** The default: no broker. Updates reach the other members of the hub, revocations every member. */
export class InProcessFanout implements Fanout {
  private readonly docs = new Listeners<string, Uint8Array>();
  private readonly control = new Listeners<'revocation', RevocationEvent>();
  private closed = false;

  readonly revocations: RevocationBus = {
    publish: (event) => {
      for (const member of this.hub.members) member.control.emit('revocation', event);
    },
    subscribe: (handler) => {
      this.control.add('revocation', handler);
      return () => void this.control.remove('revocation', handler);
    },
  };

  constructor(private readonly hub = new InProcessHub()) {
    hub.members.add(this);
  }

  async publish(doc: string, update: Uint8Array) {
    if (this.closed) return;
    for (const member of this.hub.members) {
      // Delivered on a later tick, as a broker would, so a publisher never re-enters its own caller.
      if (member !== this) queueMicrotask(() => member.docs.emit(doc, update));
    }
  }

  subscribe(doc: string, handler: (update: Uint8Array) => void) {
    this.docs.add(doc, handler);
    return () => void this.docs.remove(doc, handler);
  }

  async subscribed() {}

  onGap() {
    return () => undefined;
  }

  async close() {
    this.closed = true;
    this.hub.members.delete(this);
  }
}
