import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ProtocolError,
  ackMessage,
  awarenessMessage,
  decodeClientMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './protocol.js';
import { SYNC_CLOSE } from '../../common/contract/sync-wire.js';

const limits = { maxAwarenessState: 64 * 1024, maxAwarenessClients: 4 };

function awarenessUpdate(entries: [number, unknown][]) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [client, state] of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, 3);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

const closeCodeOf = (frame: Uint8Array) => {
  try {
    decodeClientMessage(frame, limits);
    return 'accepted';
  } catch (error) {
    return error instanceof ProtocolError ? error.closeCode : `threw ${(error as Error).name}`;
  }
};

describe('decodeClientMessage', () => {
  it('reads the messages a y-websocket client sends', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const update = Y.encodeStateAsUpdate(doc);
    const sv = Y.encodeStateVector(doc);
    expect(decodeClientMessage(syncStep1Message(sv), limits)).toEqual({ kind: 'sync-step1', stateVector: sv });
    expect(decodeClientMessage(syncStep2Message(update), limits)).toEqual({ kind: 'sync-step2', update });
    expect(decodeClientMessage(updateMessage(update), limits)).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(Uint8Array.of(3), limits)).toEqual({ kind: 'query-awareness' });
    const presence = awarenessUpdate([
      [7, { user: 'ada' }],
      [8, null],
    ]);
    expect(decodeClientMessage(awarenessMessage(presence), limits)).toEqual({
      kind: 'awareness',
      update: presence,
      entries: [
        { clientId: 7, state: { user: 'ada' } },
        { clientId: 8, state: null },
      ],
    });
  });

  it.each([
    ['empty frame', new Uint8Array()],
    ['unknown type', Uint8Array.of(2, 0)],
    ['our own ack type', ackMessage(Uint8Array.of(0))],
    ['truncated type varint', Uint8Array.of(0x80)],
    ['truncated sync step', Uint8Array.of(0)],
    ['truncated length', Uint8Array.of(0, 2, 0x80)],
    ['length past the end', Uint8Array.of(0, 2, 4, 1, 2)],
    ['absurd length', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)],
    ['unknown sync step', Uint8Array.of(0, 3, 0)],
    ['trailing bytes', Uint8Array.of(0, 2, 2, 0, 0, 1)],
    ['bad state vector', Uint8Array.of(0, 0, 3, 2, 1, 0x80)],
    ['query awareness with a payload', Uint8Array.of(3, 1)],
    ['awareness without JSON', awarenessMessage(Uint8Array.of(1, 1, 1, 2, 0x7b, 0x7b))],
    ['awareness with invalid UTF-8', awarenessMessage(Uint8Array.of(1, 1, 1, 2, 0xc3, 0x28))],
    ['awareness cut short', awarenessMessage(Uint8Array.of(2, 1, 1, 2, 0x31, 0x32))],
  ])('closes with 4400 on %s', (_name, frame) => {
    expect(closeCodeOf(frame)).toBe(SYNC_CLOSE.badFrame);
  });

  it('closes with 4413 on an awareness state over the limit or too many clients in one message', () => {
    const big = awarenessUpdate([[1, { blob: 'x'.repeat(64 * 1024) }]]);
    expect(closeCodeOf(awarenessMessage(big))).toBe(SYNC_CLOSE.stateTooLarge);
    const fits = awarenessUpdate([[1, { blob: 'x'.repeat(64 * 1024 - 20) }]]);
    expect(closeCodeOf(awarenessMessage(fits))).toBe('accepted');
    const crowd = awarenessUpdate([1, 2, 3, 4, 5].map((client) => [client, {}]));
    expect(closeCodeOf(awarenessMessage(crowd))).toBe(SYNC_CLOSE.stateTooLarge);
    expect(closeCodeOf(awarenessMessage(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f)))).toBe(SYNC_CLOSE.stateTooLarge);
  });

  it('never throws anything but a ProtocolError on random bytes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 256;
    for (let i = 0; i < 5_000; i++) {
      const frame = Uint8Array.from({ length: 1 + (i % 40) }, random);
      frame[0] = i % 5;
      const outcome = closeCodeOf(frame);
      expect([SYNC_CLOSE.badFrame, SYNC_CLOSE.stateTooLarge, 'accepted']).toContain(outcome);
    }
  });
});
