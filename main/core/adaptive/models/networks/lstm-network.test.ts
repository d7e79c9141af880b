import { describe, expect, it } from 'vitest';
import { lstmNetwork } from './lstm-network.js';
import { loadTf } from './tf-backend.js';

/** The engine's peak bytes while one training step's gradients of a [4, steps] batch are computed. */
async function gradientPeak(steps: number): Promise<number> {
  const { tf } = await loadTf();
  const shape = { skills: 5, hidden: 16, embedding: 8, window: steps, heads: 1, dropout: 0 };
  const network = lstmNetwork(tf, shape, 1);
  const ids = (high: number) =>
    tf.tensor2d(
      Array.from({ length: 4 * steps }, (_, i) => (i * 7) % high),
      [4, steps],
      'int32',
    );
  const batch = { tokens: ids(12), skills: ids(5), kinds: ids(4) };
  const profile = await tf.profile(() => {
    const { value, grads } = tf.variableGrads(() => network.logits(batch).sigmoid().mean() as never);
    value.dispose();
    Object.values(grads).forEach((g) => g.dispose());
  });
  Object.values(batch).forEach((t) => t.dispose());
  network.params.forEach((v) => v.dispose());
  return profile.peakBytes;
}

describe('the LSTM network in training', () => {
  it('needs memory in proportion to the window, not to its square', async () => {
    // Twice the steps: twice the activations kept for the backward pass. A per-step slice of the
    // batch's gate inputs made each step's gradient as large as the whole batch: four times the memory.
    const short = await gradientPeak(60);
    const long = await gradientPeak(120);
    expect(long / short).toBeLessThan(2.5);
  });
});

describe('the LSTM network on continuation rows', () => {
  it('reads a batch of one-step windows whose rows continue an answer begun before the window', async () => {
    const { tf } = await loadTf();
    const network = lstmNetwork(tf, { skills: 3, hidden: 4, embedding: 4, window: 10, heads: 1, dropout: 0 }, 1);
    const one = (values: number[]) => tf.tensor2d(values, [2, 1], 'int32');
    const batch = { tokens: one([5, 6]), skills: one([1, 2]), kinds: one([3, 2]) };
    const plain = network.logits(batch);
    const read = network.logits({ ...batch, reads: one([0, 0]) });
    expect(Array.from(read.dataSync())).toEqual(Array.from(plain.dataSync()));
    tf.dispose([plain, read, ...Object.values(batch)]);
    network.params.forEach((v) => v.dispose());
  });
});
