/**
 * Gradient-boosted decision trees for a binary label, on histograms of binned features, grown leaf by leaf (the
 * method of LightGBM: https://lightgbm.readthedocs.io/en/latest/Features.html). Written here because npm has no
 * kept-up library for it: ml-xgboost is an emscripten build of 2017 whose wasm does not load in Node 20.
 * Deterministic: no sampling of rows or features, so the same table gives the same trees.
 */

import { sigmoid } from '../models/calibration.js';
import { binTable, columnBins } from './tree-bins.js';
import type { ColumnBins, Table } from './tree-bins.js';

export type { Table } from './tree-bins.js';

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
  /**
   * Columns of ids (names, not amounts): each id is a bin of its own (the most frequent bins - 1 of them; the rest
   * and ids the fit never saw share one more), and a split sends any set of them left.
   */
  categorical?: readonly number[];
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
  categorical: [],
};

/**
 * How a split of ids is chosen, as LightGBM does (its min_data_per_group, cat_smooth, cat_l2, max_cat_threshold):
 * the ids of a leaf with enough rows are ordered by their mean gradient (shrunk towards 0 by `smooth` hessians), and
 * the split is the best cut of that order, with at most `most` ids on the side it names and an extra ridge, since a
 * set of ids fits the rows more freely than a threshold.
 */
const IDS = { minRows: 100, smooth: 10, ridge: 10, most: 32 };

/**
 * A tree over binned columns: node i sends a row left when its code in `column[i]` is at most `bin[i]`, or, on a
 * column of ids, when the code is in `set[i]`.
 */
interface Tree {
  column: number[];
  bin: number[];
  set: (Uint8Array | undefined)[];
  /** A child: a node's index, or ~leaf for a leaf. */
  left: number[];
  right: number[];
  leaf: number[];
}

export interface Boosted {
  bins: ColumnBins[];
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
  const bins = columnBins(table, fit, o.bins, new Set(o.categorical));
  const codes = binTable(table, bins);
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
    const tree = growTree(codes, bins, g, h, fit, o);
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
  return { bins, base, trees: trees.slice(0, best.trees) };
}

/** The chance of each of `rows` of `table` (binned by the model's own edges). */
export function predictBoosted(model: Boosted, table: Table, rows: readonly number[]): number[] {
  const codes = binTable(table, model.bins, rows);
  return rows.map((_, i) =>
    sigmoid(model.trees.reduce((s, tree) => s + leafOf(tree, codes, table.columns, i), model.base)),
  );
}

const goesLeft = (set: Uint8Array | undefined, bin: number, code: number) => (set ? set[code] === 1 : code <= bin);

function leafOf(tree: Tree, codes: Uint8Array, columns: number, row: number): number {
  if (tree.column.length === 0) return tree.leaf[0]!;
  let node = 0;
  while (node >= 0) {
    const code = codes[row * columns + tree.column[node]!]!;
    node = goesLeft(tree.set[node], tree.bin[node]!, code) ? tree.left[node]! : tree.right[node]!;
  }
  return tree.leaf[~node]!;
}

/** A leaf while a tree grows: its rows (a stretch of `order`), their histogram, and its best split. */
interface Growing {
  start: number;
  end: number;
  histogram: Float64Array;
  g: number;
  h: number;
  split: { gain: number; column: number; bin: number; set?: Uint8Array } | undefined;
  /** Where the leaf hangs: its parent node and side, or none for the root. */
  parent: number;
  side: 'left' | 'right';
}

function growTree(
  codes: Uint8Array,
  bins: readonly ColumnBins[],
  g: Float64Array,
  h: Float64Array,
  fit: readonly number[],
  o: Required<BoostOptions>,
): Tree {
  const columns = bins.length;
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
    const whole = score(leaf.g, leaf.h);
    const numbers = Array.from({ length: o.bins }, (_, b) => b);
    for (let c = 0; c < columns; c++) {
      if (!('ids' in bins[c]!)) {
        split = bestCut(leaf, c, numbers, whole, 0, split, (count) => ({ bin: numbers[count - 1]! }));
        continue;
      }
      const at = (b: number) => c * width + b * 3;
      const mean = (b: number) => leaf.histogram[at(b)]! / (leaf.histogram[at(b) + 1]! + IDS.smooth);
      const used = numbers
        .filter((b) => leaf.histogram[at(b) + 2]! >= IDS.minRows)
        .sort((a, b) => mean(a) - mean(b) || a - b);
      for (const order of [used, [...used].reverse()]) {
        split = bestCut(leaf, c, order.slice(0, IDS.most + 1), whole, IDS.ridge, split, (count) => {
          const set = new Uint8Array(256);
          for (const b of order.slice(0, count)) set[b] = 1;
          return { bin: -1, set };
        });
      }
    }
    leaf.split = split;
    return leaf;
  };
  /**
   * The best of the cuts of column `c` that send left the first `count` bins of `order` (all but the last at most),
   * if it beats `split`: a cut leaves at least minRows on each side, and its sides' scores carry `ridge` more.
   */
  const bestCut = (
    leaf: Growing,
    c: number,
    order: readonly number[],
    whole: number,
    ridge: number,
    split: Growing['split'],
    cut: (count: number) => { bin: number; set?: Uint8Array },
  ) => {
    const rows = leaf.end - leaf.start;
    const side = (gs: number, hs: number) => (gs * gs) / (hs + o.ridge + ridge);
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let i = 0; i < order.length - 1; i++) {
      const k = c * width + order[i]! * 3;
      gl += leaf.histogram[k]!;
      hl += leaf.histogram[k + 1]!;
      nl += leaf.histogram[k + 2]!;
      if (nl < o.minRows) continue;
      if (rows - nl < o.minRows) break;
      const gain = side(gl, hl) + side(leaf.g - gl, leaf.h - hl) - whole;
      if (gain > (split?.gain ?? 1e-9)) split = { gain, column: c, ...cut(i + 1) };
    }
    return split;
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

  const tree: Tree = { column: [], bin: [], set: [], left: [], right: [], leaf: [] };
  const leaves = [leafOfStretch(0, order.length, histogramOf(0, order.length), -1, 'left')];
  while (leaves.length < o.leaves) {
    let pick = -1;
    leaves.forEach((leaf, i) => {
      if (leaf.split && (pick < 0 || leaf.split.gain > leaves[pick]!.split!.gain)) pick = i;
    });
    if (pick < 0) break;
    const leaf = leaves[pick]!;
    const { column, bin, set } = leaf.split!;
    const node = tree.column.length;
    tree.column.push(column);
    tree.bin.push(bin);
    tree.set.push(set);
    tree.left.push(0);
    tree.right.push(0);
    if (leaf.parent >= 0) tree[leaf.side][leaf.parent] = node;
    // A stable partition keeps each stretch in row order, which keeps the histogram's reads of `codes` local.
    let l = leaf.start;
    let r = 0;
    for (let i = leaf.start; i < leaf.end; i++) {
      const row = order[i]!;
      if (goesLeft(set, bin, codes[row * columns + column]!)) order[l++] = row;
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
