import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { SYNC_CLOSE, SYNC_MESSAGE } from '../../common/contract/sync-wire.js';

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export interface AwarenessEntry {
  clientId: number;
  /** null when the client left. */
  state: unknown;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/** A frame the server refuses; the socket that sent it is closed with `closeCode`. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export interface ProtocolLimits {
  /** Bytes of one client's awareness state (JSON). */
  maxAwarenessState: number;
  /** Awareness clients one socket may announce, so also one message. */
  maxAwarenessClients: number;
}

const bad = (message: string) => new ProtocolError(SYNC_CLOSE.badFrame, message);

function readUint(decoder: decoding.Decoder): number {
  if (!decoding.hasContent(decoder)) throw bad('truncated frame');
  // lib0 throws on a varint that runs past the end or past 2^53.
  return decoding.readVarUint(decoder);
}

/** A length-prefixed byte string, refused when the prefix claims more than the frame holds. */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = readUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw bad('length prefix past the end of the frame');
  return decoding.readUint8Array(decoder, length);
}

function end<T>(decoder: decoding.Decoder, message: T): T {
  if (decoding.hasContent(decoder)) throw bad('trailing bytes after the message');
  return message;
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const step = readUint(decoder);
  const payload = readBytes(decoder);
  if (step === SYNC_STEP1) {
    try {
      Y.decodeStateVector(payload);
    } catch {
      throw bad('sync step 1 without a valid state vector');
    }
    return end(decoder, { kind: 'sync-step1', stateVector: payload });
  }
  if (step === SYNC_STEP2) return end(decoder, { kind: 'sync-step2', update: payload });
  if (step === SYNC_UPDATE) return end(decoder, { kind: 'update', update: payload });
  throw bad(`unknown sync message ${step}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Checks an awareness update the way y-protocols will read it, with our size limits, before it is applied. */
function readAwareness(decoder: decoding.Decoder, limits: ProtocolLimits): ClientMessage {
  const update = readBytes(decoder);
  end(decoder, null);
  const inner = decoding.createDecoder(update);
  const count = readUint(inner);
  if (count > limits.maxAwarenessClients) {
    throw new ProtocolError(SYNC_CLOSE.stateTooLarge, `awareness for ${count} clients in one message`);
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readUint(inner);
    readUint(inner); // clock
    const json = readBytes(inner);
    if (json.length > limits.maxAwarenessState) {
      throw new ProtocolError(SYNC_CLOSE.stateTooLarge, `awareness state of ${json.length} bytes`);
    }
    try {
      entries.push({ clientId, state: JSON.parse(utf8.decode(json)) });
    } catch {
      throw bad('awareness state is not JSON');
    }
  }
  return end(inner, { kind: 'awareness', update, entries });
}

/** Decodes one client frame; anything malformed throws a ProtocolError (badFrame, or stateTooLarge for oversize awareness). */
export function decodeClientMessage(frame: Uint8Array, limits: ProtocolLimits): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let type: number;
  try {
    type = readUint(decoder);
  } catch (error) {
    throw error instanceof ProtocolError ? error : bad('unreadable message type');
  }
  try {
    if (type === SYNC_MESSAGE.sync) return readSync(decoder);
    if (type === SYNC_MESSAGE.awareness) return readAwareness(decoder, limits);
    if (type === SYNC_MESSAGE.queryAwareness) return end(decoder, { kind: 'query-awareness' });
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw bad(`unreadable frame: ${(error as Error).message}`);
  }
  throw bad(`unknown message type ${type}`);
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncStep1Message = (stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC_MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });

export const syncStep2Message = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC_MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });

export const updateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC_MESSAGE.sync);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC_MESSAGE.awareness);
    encoding.writeVarUint8Array(e, update);
  });

/** Our acknowledgement: the document's state vector after the commit. */
export const ackMessage = (stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC_MESSAGE.ack);
    encoding.writeVarUint8Array(e, stateVector);
  });
