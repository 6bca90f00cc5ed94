// Splitting an exact total over weighted parts (largest remainder), and small sampling helpers. Exact
// totals are what the calibrated data set is about: every part is an integer and the parts always add up.
import { Rng } from '../random';

// `total` split by weight; remainders go to the largest fractional parts (ties: earlier key first).
export function allocate<K>(total: number, entries: ReadonlyArray<readonly [K, number]>): Map<K, number> {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`allocate: total must be a non-negative integer, got ${total}`);
  const weight = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!(weight > 0)) throw new RangeError('allocate: weights must add up to more than 0');
  const shares = entries.map(([key, w], index) => {
    const exact = (total * w) / weight;
    return { key, index, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((sum, s) => sum + s.floor, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left <= 0) break;
    s.floor += 1;
    left -= 1;
  }
  return new Map(shares.map((s) => [s.key, s.floor]));
}

// `n` distinct items of `items`, uniformly (partial Fisher-Yates on a copy).
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  if (n > items.length) throw new RangeError(`sample: ${n} of ${items.length}`);
  const copy = items.slice();
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (copy.length - i));
    const tmp = copy[i];
    copy[i] = copy[j];
    copy[j] = tmp;
  }
  return copy.slice(0, n);
}

// `k` sorted days in [from, to] at least `gap` days apart (requires to - from >= (k - 1) * gap).
export function spacedDays(rng: Rng, from: number, to: number, k: number, gap: number): number[] {
  const slack = to - from - (k - 1) * gap;
  if (slack < 0) throw new RangeError('spacedDays: window too short');
  const offsets = Array.from({ length: k }, () => rng.int(0, slack)).sort((a, b) => a - b);
  return offsets.map((offset, i) => from + offset + i * gap);
}

// Integer parts of `total` (e.g. milligrams) in proportion to `weights`, each at least `minimum`.
export function splitInteger(total: number, weights: readonly number[], minimum = 1): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new RangeError(`splitInteger: ${total} is too small for ${weights.length} parts`);
  const parts = allocate(spare, weights.map((w, i) => [i, w] as const));
  return weights.map((_, i) => minimum + (parts.get(i) as number));
}
