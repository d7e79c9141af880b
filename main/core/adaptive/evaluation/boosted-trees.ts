/**
 * Gradient-boosted decision trees for a binary label, on histograms of binned features, grown leaf by leaf (the
 * method of LightGBM: https://lightgbm.readthedocs.io/en/latest/Features.html). Written here because npm has no
 * kept-up library for it: ml-xgboost is an emscripten build of 2017 whose wasm does not load in Node 20.
 * Deterministic: no sampling of rows or features, so the same table gives the same trees.
 */

import { sigmoid } from '../models/calibration.js';

/** Rows x columns of numbers, row-major. */
export interface Table {
  values: Float32Array;
  columns: number;
}

export interface BoostOptions {
  /** At most this many trees; fewer when the validation rows stop improving for `patience` rounds. */
  rounds?: number;
  patience?: number;
  /** Each tree's leaf values are scaled by this (shrinkage). */
  rate?: number;
  leaves?: number;
  /** Fewest training rows in a leaf: a split that leaves fewer is not taken. */
  minRows?: number;
  /** L2 penalty on leaf values (in units of summed hessians). */
  ridge?: number;
  /** Most bins per column, at most 256 (the codes are bytes). */
  bins?: number;
}

/**
 * LightGBM's defaults (31 leaves, 255 bins) but for at least 200 rows in a leaf, a ridge of 1 and half its rate, as
 * measured on ASSIST2015's 5-fold stacks (README, "Boosted stacks"): 1,000 rows in a leaf, 63 leaves or sampling
 * rows and columns scored within 0.0003 of these; 32 bins lost 0.0004. Rate 0.05 in place of 0.1 buys 0.0003 once
 * the trees read the course context (README, "Where the learner is in the course"), for about twice the trees, so
 * there is room for twice the rounds.
 */
const DEFAULTS: Required<BoostOptions> = {
  rounds: 1000,
  patience: 30,
  rate: 0.05,
  leaves: 31,
  minRows: 200,
  ridge: 1,
  bins: 255,
};

/** A tree over binned columns: node i sends a row left when its code in `column[i]` is at most `bin[i]`. */
interface Tree {
  column: number[];
  bin: number[];
  /** A child: a node's index, or ~leaf for a leaf. */
  left: number[];
  right: number[];
  leaf: number[];
}

export interface Boosted {
  /** Each column's bin edges: a value goes to the first bin whose edge is at least the value. */
  edges: Float32Array[];
  base: number;
  trees: Tree[];
}

/**
 * Fits trees on the rows `fit` of `table` (labels `y` for every row), stopping early on the rows `valid` by log
 * loss. The bin edges are read from the fitted rows only.
 */
export function fitBoosted(
  table: Table,
  y: ArrayLike<number>,
  fit: readonly number[],
  valid: readonly number[],
  options: BoostOptions = {},
): Boosted {
  const o = { ...DEFAULTS, ...options };
  if (o.bins < 2 || o.bins > 256) throw new RangeError(`bins must be 2 to 256, not ${o.bins}`);
  const edges = binEdges(table, fit, o.bins);
  const codes = binTable(table, edges);
  const mean = fit.reduce((s, r) => s + y[r]!, 0) / Math.max(1, fit.length);
  const base = Math.log(Math.max(1e-6, mean) / Math.max(1e-6, 1 - mean));
  const rows = table.values.length / table.columns;
  const score = new Float64Array(rows).fill(base);
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  const trees: Tree[] = [];
  let best = { loss: Infinity, trees: 0 };
  for (let round = 0; round < o.rounds && round - best.trees < o.patience; round++) {
    for (const r of fit) {
      const p = sigmoid(score[r]!);
      g[r] = p - y[r]!;
      h[r] = Math.max(p * (1 - p), 1e-12);
    }
    const tree = growTree(codes, table.columns, g, h, fit, o);
    trees.push(tree);
    for (const r of fit) score[r]! += leafOf(tree, codes, table.columns, r);
    let loss = 0;
    for (const r of valid) {
      score[r]! += leafOf(tree, codes, table.columns, r);
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(score[r]!)));
      loss -= y[r]! ? Math.log(p) : Math.log(1 - p);
    }
    if (valid.length === 0 || loss < best.loss) best = { loss, trees: trees.length };
  }
  return { edges, base, trees: trees.slice(0, best.trees) };
}

/** The chance of each of `rows` of `table` (binned by the model's own edges). */
export function predictBoosted(model: Boosted, table: Table, rows: readonly number[]): number[] {
  const codes = binTable(table, model.edges, rows);
  return rows.map((_, i) =>
    sigmoid(model.trees.reduce((s, tree) => s + leafOf(tree, codes, table.columns, i), model.base)),
  );
}

function leafOf(tree: Tree, codes: Uint8Array, columns: number, row: number): number {
  if (tree.column.length === 0) return tree.leaf[0]!;
  let node = 0;
  while (node >= 0) {
    node = codes[row * columns + tree.column[node]!]! <= tree.bin[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return tree.leaf[~node]!;
}

/**
 * Each column's edges at quantiles of its values on `rows` (every row up to 100,000, else an even sample): the
 * midpoints between its distinct values where there are no more than `bins` of them, so a 0/1 column splits
 * exactly.
 */
function binEdges(table: Table, rows: readonly number[], bins: number): Float32Array[] {
  const step = Math.max(1, Math.floor(rows.length / 100_000));
  const sample = rows.filter((_, i) => i % step === 0);
  return Array.from({ length: table.columns }, (_, c) => {
    const values = Float64Array.from(sample, (r) => table.values[r * table.columns + c]!).sort();
    const distinct: number[] = [];
    for (const v of values) if (distinct.at(-1) !== v) distinct.push(v);
    if (distinct.length <= bins) return Float32Array.from(distinct.slice(1), (v, i) => (v + distinct[i]!) / 2);
    const edges: number[] = [];
    for (let b = 1; b < bins; b++) {
      const edge = values[Math.floor((b * values.length) / bins) - 1]!;
      if (edges.at(-1) !== edge && edge < values.at(-1)!) edges.push(edge);
    }
    return Float32Array.from(edges);
  });
}

/** Rows x columns of bin codes (row-major), of `rows` (by default every row), in that order. */
function binTable(table: Table, edges: readonly Float32Array[], rows?: readonly number[]): Uint8Array {
  const { columns, values } = table;
  const count = rows?.length ?? values.length / columns;
  const codes = new Uint8Array(count * columns);
  for (let i = 0; i < count; i++) {
    const r = rows ? rows[i]! : i;
    for (let c = 0; c < columns; c++) {
      const e = edges[c]!;
      const v = values[r * columns + c]!;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      codes[i * columns + c] = lo;
    }
  }
  return codes;
}

/** A leaf while a tree grows: its rows (a stretch of `order`), their histogram, and its best split. */
interface Growing {
  start: number;
  end: number;
  histogram: Float64Array;
  g: number;
  h: number;
  split: { gain: number; column: number; bin: number } | undefined;
  /** Where the leaf hangs: its parent node and side, or none for the root. */
  parent: number;
  side: 'left' | 'right';
}

function growTree(
  codes: Uint8Array,
  columns: number,
  g: Float64Array,
  h: Float64Array,
  fit: readonly number[],
  o: Required<BoostOptions>,
): Tree {
  const order = Int32Array.from(fit);
  const scratch = new Int32Array(order.length);
  const width = o.bins * 3;
  const histogramOf = (start: number, end: number) => {
    const histogram = new Float64Array(columns * width);
    for (let i = start; i < end; i++) {
      const r = order[i]!;
      const gr = g[r]!;
      const hr = h[r]!;
      const at = r * columns;
      for (let c = 0; c < columns; c++) {
        const k = c * width + codes[at + c]! * 3;
        histogram[k]! += gr;
        histogram[k + 1]! += hr;
        histogram[k + 2]! += 1;
      }
    }
    return histogram;
  };
  const score = (gs: number, hs: number) => (gs * gs) / (hs + o.ridge);
  const bestSplit = (leaf: Growing) => {
    let split: Growing['split'];
    const rows = leaf.end - leaf.start;
    const whole = score(leaf.g, leaf.h);
    for (let c = 0; c < columns; c++) {
      let gl = 0;
      let hl = 0;
      let nl = 0;
      for (let b = 0; b < o.bins - 1; b++) {
        const k = c * width + b * 3;
        gl += leaf.histogram[k]!;
        hl += leaf.histogram[k + 1]!;
        nl += leaf.histogram[k + 2]!;
        if (nl < o.minRows) continue;
        if (rows - nl < o.minRows) break;
        const gain = score(gl, hl) + score(leaf.g - gl, leaf.h - hl) - whole;
        if (gain > (split?.gain ?? 1e-9)) split = { gain, column: c, bin: b };
      }
    }
    leaf.split = split;
    return leaf;
  };
  const leafOfStretch = (
    start: number,
    end: number,
    histogram: Float64Array,
    parent: number,
    side: Growing['side'],
  ) => {
    let gs = 0;
    let hs = 0;
    for (let b = 0; b < o.bins; b++) {
      gs += histogram[b * 3]!;
      hs += histogram[b * 3 + 1]!;
    }
    return bestSplit({ start, end, histogram, g: gs, h: hs, split: undefined, parent, side });
  };

  const tree: Tree = { column: [], bin: [], left: [], right: [], leaf: [] };
  const leaves = [leafOfStretch(0, order.length, histogramOf(0, order.length), -1, 'left')];
  while (leaves.length < o.leaves) {
    let pick = -1;
    leaves.forEach((leaf, i) => {
      if (leaf.split && (pick < 0 || leaf.split.gain > leaves[pick]!.split!.gain)) pick = i;
    });
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const { column, bin } = leaf.split!;
    const node = tree.column.length;
    tree.column.push(column);
    tree.bin.push(bin);
    tree.left.push(0);
    tree.right.push(0);
    if (leaf.parent >= 0) tree[leaf.side][leaf.parent] = node;
    // A stable partition keeps each stretch in row order, which keeps the histogram's reads of `codes` local.
    let l = leaf.start;
    let r = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      const row = order[i]!;
      if (codes[row * columns + column]! <= bin) order[l++] = row;
      else scratch[r++] = row;
    }
    order.set(scratch.subarray(0, r), l);
    const [small, large] = l - leaf.start <= leaf.end - l ? (['left', 'right'] as const) : (['right', 'left'] as const);
    const stretch = { left: [leaf.start, l], right: [l, leaf.end] } as const;
    const smallHistogram = histogramOf(...stretch[small]);
    const largeHistogram = leaf.histogram.map((v, k) => v - smallHistogram[k]!);
    const children = { [small]: smallHistogram, [large]: largeHistogram } as Record<Growing['side'], Float64Array>;
    leaves.splice(
      pick,
      1,
      leafOfStretch(...stretch.left, children.left, node, 'left'),
      leafOfStretch(...stretch.right, children.right, node, 'right'),
    );
  }
  leaves.forEach((leaf, i) => {
    tree.leaf.push((-leaf.g / (leaf.h + o.ridge)) * o.rate);
    if (leaf.parent >= 0) tree[leaf.side][leaf.parent] = ~i;
  });
  return tree;
}
