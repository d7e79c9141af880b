import { describe, expect, it } from 'vitest';
import type { Sequence } from './sequence.js';
import { batches, predictionWindows, trainingWindows } from './windows.js';

const learner = (length: number): Sequence => ({
  skills: Array.from({ length }, (_, i) => i % 7),
  correct: Array.from({ length }, (_, i) => (i % 3 === 0 ? 1 : 0)),
});

/** How many times each answer of a learner is predicted (scored or trained on) by the windows. */
function timesPredicted(length: number, windows: ReturnType<typeof trainingWindows>): number[] {
  const times = new Array<number>(length).fill(0);
  for (const w of windows) for (let i = w.from; i < w.end; i++) times[i]! += 1;
  return times;
}

describe('the windows a learner is cut into', () => {
  it('in training: every answer once, each window no longer than the size', () => {
    for (const length of [1, 199, 200, 201, 1261]) {
      const windows = trainingWindows(learner(length), 200);
      expect(timesPredicted(length, windows)).toEqual(new Array(length).fill(1));
      for (const w of windows) expect(w.end - w.start).toBeLessThanOrEqual(200);
    }
  });

  it('in prediction: every answer once, each past the first window read from at least half a window back', () => {
    for (const length of [1, 200, 201, 350, 1261]) {
      const windows = predictionWindows(learner(length), 200);
      expect(timesPredicted(length, windows)).toEqual(new Array(length).fill(1));
      for (const w of windows) {
        expect(w.end - w.start).toBeLessThanOrEqual(200);
        if (w.start > 0) expect(w.from - w.start).toBeGreaterThanOrEqual(100);
      }
    }
  });

  it('in batches: every window once, the same order for the same seed, another for another', () => {
    const windows = [1, 5, 200, 201, 450, 1261, 30, 30].flatMap((n) => trainingWindows(learner(n), 200));
    const once = batches(windows, 3, 7);
    expect(once.flat()).toHaveLength(windows.length);
    expect(new Set(once.flat())).toEqual(new Set(windows));
    for (const group of once) expect(group.length).toBeLessThanOrEqual(3);
    expect(batches(windows, 3, 7)).toEqual(once);
    expect(batches(windows, 3, 8)).not.toEqual(once);
  });
});
