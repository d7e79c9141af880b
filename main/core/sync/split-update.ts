import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

interface Block {
  client: number;
  clock: number;
  count: number;
  structs: Uint8Array;
}

/** An update (v1) of whole blocks of one writer's consecutive structs, and no deletions. */
function encodeBlocks(blocks: Block[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(encoder, block.count);
    encoding.writeVarUint(encoder, block.client);
    encoding.writeVarUint(encoder, block.clock);
    encoding.writeUint8Array(encoder, block.structs);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * Cuts a Yjs update into updates of about `maxBytes` at most (a single struct larger than that goes
 * alone), which applied in order do what the whole does. The server refuses frames above its limit,
 * and the first sync of a long log, or a long time offline, can exceed it. Structs are written the
 * way Yjs writes them itself (a count, the writer, the first clock, then each struct); the deletions
 * follow in a last part of their own.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.length <= maxBytes) return [update];
  const parts: Uint8Array[] = [];
  let blocks: Block[] = [];
  let partBytes = 0;
  let encoder = new Y.UpdateEncoderV1();
  let current: Omit<Block, 'structs'> | null = null;
  const closeBlock = () => {
    if (!current) return;
    blocks.push({ ...current, structs: encoding.toUint8Array(encoder.restEncoder) });
    encoder = new Y.UpdateEncoderV1();
    current = null;
  };
  const closePart = () => {
    closeBlock();
    if (blocks.length > 0) parts.push(encodeBlocks(blocks));
    blocks = [];
    partBytes = 0;
  };
  for (const struct of Y.decodeUpdate(update).structs) {
    if (current && current.client !== struct.id.client) closeBlock();
    current ??= { client: struct.id.client, clock: struct.id.clock, count: 0 };
    const before = encoding.length(encoder.restEncoder);
    struct.write(encoder, 0);
    current.count += 1;
    partBytes += encoding.length(encoder.restEncoder) - before;
    if (partBytes >= maxBytes) closePart();
  }
  closePart();
  // Every struct is covered by its writer's end clock, so what is left is the deletions alone.
  const deletions = Y.diffUpdate(update, Y.encodeStateVector(Y.parseUpdateMeta(update).to));
  if (Y.decodeUpdate(deletions).ds.clients.size > 0) parts.push(deletions);
  return parts;
}
