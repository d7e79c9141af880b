export interface Metrics {
  auc: number;
  accuracy: number;
  rmse: number;
  logLoss: number;
  /** Expected calibration error over 10 equal-width bins. */
  ece: number;
  n: number;
}

/** AUC as the Mann-Whitney statistic, ties counted half. */
export function auc(p: readonly number[], y: readonly number[]): number {
  const order = p.map((_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && p[order[j + 1]!] === p[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (y[order[k]!] === 1) {
        rankSum += rank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  const negatives = p.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function metrics(p: readonly number[], y: readonly number[]): Metrics {
  const n = p.length;
  let hits = 0;
  let squares = 0;
  let loss = 0;
  const bins = Array.from({ length: 10 }, () => ({ p: 0, y: 0, n: 0 }));
  for (let i = 0; i < n; i++) {
    const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]!));
    const t = y[i]!;
    if ((q >= 0.5 ? 1 : 0) === t) hits += 1;
    squares += (q - t) ** 2;
    loss -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
    const bin = bins[Math.min(9, Math.floor(q * 10))]!;
    bin.p += q;
    bin.y += t;
    bin.n += 1;
  }
  const ece = bins.reduce((sum, b) => (b.n === 0 ? sum : sum + (b.n / n) * Math.abs(b.p / b.n - b.y / b.n)), 0);
  return { auc: auc(p, y), accuracy: hits / n, rmse: Math.sqrt(squares / n), logLoss: loss / n, ece, n };
}
