/** Platt scaling: probability = sigmoid(scale * logit + shift). */
export interface Calibration {
  scale: number;
  shift: number;
}

export const IDENTITY: Calibration = { scale: 1, shift: 0 };

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const calibrate = (c: Calibration, logit: number) => sigmoid(c.scale * logit + c.shift);

/**
 * Fits Platt scaling on held-out logits and answers by damped Newton steps on the log loss, lightly
 * ridged towards the identity so a tiny validation set cannot bend it far. Falls back to the
 * identity when the fit would reverse the ranking (a model no better than chance on the held-out set).
 */
export function fitCalibration(logits: readonly number[], answers: readonly number[]): Calibration {
  if (logits.length < 20) return IDENTITY;
  const ridge = 1;
  const objective = (a: number, b: number) => {
    let loss = (ridge / 2) * ((a - 1) ** 2 + b ** 2);
    for (let i = 0; i < logits.length; i++) {
      const z = a * logits[i]! + b;
      // log(1 + e^z) - y z, computed without overflow.
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - answers[i]! * z;
    }
    return loss;
  };
  let a = 1;
  let b = 0;
  let current = objective(a, b);
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = ridge * (a - 1);
    let gb = ridge * b;
    let haa = ridge;
    let hab = 0;
    let hbb = ridge;
    for (let i = 0; i < logits.length; i++) {
      const x = logits[i]!;
      const p = sigmoid(a * x + b);
      const err = p - answers[i]!;
      const w = p * (1 - p);
      ga += err * x;
      gb += err;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Halve the step until the loss goes down: plain Newton can overshoot on flat, separable data.
    let step = 1;
    let next = objective(a - da, b - db);
    while (next > current && step > 1e-4) {
      step /= 2;
      next = objective(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const moved = step * (Math.abs(da) + Math.abs(db));
    current = next;
    if (moved < 1e-7) break;
  }
  return a > 0 && Number.isFinite(b) ? { scale: a, shift: b } : IDENTITY;
}
