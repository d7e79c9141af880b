/**
 * The bins of a table's columns for boosted trees (boosted-trees.ts): each number or id becomes a byte code, so a
 * tree's histograms count codes instead of sorting values.
 */

/** Rows x columns of numbers, row-major. */
export interface Table {
  values: Float32Array;
  columns: number;
}

/**
 * A column's bins: a number goes to the first bin whose edge is at least the number; an id to its place among
 * `ids` (ascending), or after them all when it is none of them.
 */
export type ColumnBins = { edges: Float32Array } | { ids: Float32Array };

/**
 * Each column's bins, read from `rows` (every row up to 100,000, else an even sample). Numbers: edges at quantiles of
 * the values, or the midpoints between distinct values where there are no more than `bins` of them, so a 0/1 column
 * splits exactly. Ids: the `bins` - 1 most frequent, each a bin of its own (the others share the last).
 */
export function columnBins(
  table: Table,
  rows: readonly number[],
  bins: number,
  ids: ReadonlySet<number>,
): ColumnBins[] {
  const step = Math.max(1, Math.floor(rows.length / 100_000));
  const sample = rows.filter((_, i) => i % step === 0);
  return Array.from({ length: table.columns }, (_, c) => {
    const values = Float64Array.from(sample, (r) => table.values[r * table.columns + c]!).sort();
    const distinct: number[] = [];
    const counts: number[] = [];
    for (const v of values) {
      if (distinct.at(-1) !== v) {
        distinct.push(v);
        counts.push(0);
      }
      counts[counts.length - 1]!++;
    }
    if (ids.has(c)) {
      const kept = distinct.map((_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
      return {
        ids: Float32Array.from(
          kept.slice(0, bins - 1).sort((a, b) => a - b),
          (i) => distinct[i]!,
        ),
      };
    }
    if (distinct.length <= bins)
      return { edges: Float32Array.from(distinct.slice(1), (v, i) => (v + distinct[i]!) / 2) };
    const edges: number[] = [];
    for (let b = 1; b < bins; b++) {
      const edge = values[Math.floor((b * values.length) / bins) - 1]!;
      if (edges.at(-1) !== edge && edge < values.at(-1)!) edges.push(edge);
    }
    return { edges: Float32Array.from(edges) };
  });
}

/** Rows x columns of bin codes (row-major), of `rows` (by default every row), in that order. */
export function binTable(table: Table, bins: readonly ColumnBins[], rows?: readonly number[]): Uint8Array {
  const { columns, values } = table;
  const count = rows?.length ?? values.length / columns;
  const codes = new Uint8Array(count * columns);
  for (let i = 0; i < count; i++) {
    const r = rows ? rows[i]! : i;
    for (let c = 0; c < columns; c++) {
      const column = bins[c]!;
      const v = values[r * columns + c]!;
      const e = 'ids' in column ? column.ids : column.edges;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      // An id that is none of the kept ones goes after them all.
      codes[i * columns + c] = 'ids' in column && e[lo] !== v ? e.length : lo;
    }
  }
  return codes;
}
