import { afterAll, describe, expect, it } from 'vitest';
import { loadTf } from './tf-backend.js';
import { useMatMulGradient } from './plain-matmul-gradient.js';

describe('the plain gradient of a matrix product', () => {
  afterAll(async () => useMatMulGradient((await loadTf()).tf, 'plain'));

  it('gives what tfjs’s own gives, for every transpose and for batched products', async () => {
    const { tf } = await loadTf();
    const cases = [
      { a: [3, 4], b: [4, 5], flags: [false, false] },
      { a: [3, 4], b: [5, 4], flags: [false, true] },
      { a: [4, 3], b: [4, 5], flags: [true, false] },
      { a: [4, 3], b: [5, 4], flags: [true, true] },
      { a: [2, 3, 4], b: [2, 5, 4], flags: [false, true] },
      { a: [2, 4, 3], b: [2, 4, 5], flags: [true, false] },
    ] as const;
    for (const { a: aShape, b: bShape, flags } of cases) {
      const a = tf.randomNormal([...aShape], 0, 1, 'float32', 1);
      const b = tf.randomNormal([...bShape], 0, 1, 'float32', 2);
      // A weighted sum, so every entry of the product has a gradient of its own.
      const loss = (x: typeof a, y: typeof b) => {
        const product = tf.matMul(x, y, flags[0], flags[1]);
        return product.mul(tf.randomNormal(product.shape, 0, 1, 'float32', 3)).sum();
      };
      const gradients = (which: 'plain' | 'tfjs') => {
        useMatMulGradient(tf, which);
        return tf
          .grads(loss)([a, b])
          .map((g) => g.arraySync());
      };
      const theirs = gradients('tfjs');
      const ours = gradients('plain');
      ours.forEach((g, i) => {
        (g as number[]).flat(2).forEach((v, j) => expect(v).toBeCloseTo((theirs[i] as number[]).flat(2)[j]!, 4));
      });
      expect((ours[0] as number[]).flat(2).some((v) => Math.abs(v) > 0.1)).toBe(true);
    }
  });
});
