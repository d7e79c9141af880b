/**
 * Heap figures only where they mean something: after a full collection, which needs Node's
 * --expose-gc. Without it a heap row would weigh garbage too, so it is refused with the reason.
 */
declare const gc: (() => void) | undefined;

export const HEAP_NEEDS = 'heap row left out: it needs a full GC; run with NODE_OPTIONS=--expose-gc';

export function canWeighHeap(): boolean {
  return typeof gc === 'function';
}

/** The heap used after two full collections (the second frees what the first's finalizers let go). */
export function heapAfterGc(): number {
  if (typeof gc !== 'function') throw new Error(HEAP_NEEDS);
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
