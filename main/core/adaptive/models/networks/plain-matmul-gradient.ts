import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './tf-backend.js';

type GradConfig = NonNullable<ReturnType<Tf['getGradient']>>;
let tfjsOwn: GradConfig | undefined;

/**
 * Which gradient a matrix product has: 'plain' (ours) or 'tfjs' (tfjs-core's BatchMatMul_grad).
 *
 * tfjs's WebAssembly backend multiplies on XNNPACK only a plain product: no batch dimension and
 * neither side transposed. Anything else takes a generic loop, about 12 times slower for these
 * networks' shapes. tfjs's gradient of a product asks for transposed ones (dx = dy·Wᵀ, dW = xᵀ·dy),
 * so training spent most of its time in that loop. The plain gradient is the same algebra with a
 * 2-D operand transposed by a copy first, then multiplied plainly; a batched product keeps the
 * flags, as no copy makes it plain. `npm run bench -- matmul-gradient` times both.
 */
export function useMatMulGradient(tf: Tf, which: 'plain' | 'tfjs'): void {
  // tfjs's own, kept the first time through here, before anything replaced it.
  tfjsOwn ??= tf.getGradient(tf.BatchMatMul);
  if (which === 'tfjs') {
    if (tfjsOwn) tf.registerGradient(tfjsOwn);
    return;
  }
  const product = (a: TF.Tensor, b: TF.Tensor, transposeA: boolean, transposeB: boolean): TF.Tensor => {
    if (a.rank !== 2 || b.rank !== 2) return tf.matMul(a, b, transposeA, transposeB);
    return tf.matMul(transposeA ? a.transpose() : a, transposeB ? b.transpose() : b);
  };
  tf.registerGradient({
    kernelName: tf.BatchMatMul,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [TF.Tensor, TF.Tensor];
      const g = dy as TF.Tensor;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB)
        return { a: () => product(g, b, false, true), b: () => product(a, g, true, false) };
      if (!transposeA) return { a: () => product(g, b, false, false), b: () => product(g, a, true, false) };
      if (!transposeB) return { a: () => product(b, g, false, true), b: () => product(a, g, false, false) };
      return { a: () => product(b, g, true, true), b: () => product(g, a, true, true) };
    },
  });
}
