// A small seeded pseudo-random generator (sfc32) with the helpers the synthetic-data generator needs.
// Everything the generator draws goes through an Rng, so a (seed, stream) pair always yields the same
// data; Math.random is never used.

const UINT32 = 0x1_0000_0000;

// 32-bit finaliser of MurmurHash3: spreads every input bit over the whole word.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Mix any number of non-negative safe integers into one 32-bit word (order matters).
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (!Number.isSafeInteger(part) || part < 0) throw new RangeError('seed parts must be non-negative safe integers');
    const lo = part % UINT32;
    const hi = Math.floor(part / UINT32);
    h = fmix32((h ^ lo) + 0x6d2b79f5);
    h = fmix32((h ^ hi) + 0x6d2b79f5);
  }
  return h;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  // `parts` are mixed into the state: e.g. new Rng(seed, STREAM_BLOCK, blockIndex).
  constructor(...parts: number[]) {
    const h = hashSeed(...parts);
    this.a = h;
    this.b = fmix32(h ^ 0x243f6a88);
    this.c = fmix32(h ^ 0x85a308d3);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32(); // warm up
  }

  // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit output.
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  // Uniform in [0, 1).
  next(): number {
    return this.nextUint32() / UINT32;
  }

  // Uniform integer in [min, max], both inclusive.
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  // Uniform real in [min, max).
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  // One-off weighted choice; for repeated draws from the same table build a WeightedTable.
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    return new WeightedTable(entries).draw(this);
  }

  // Standard normal deviate (Box-Muller).
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  // Log-normal with the given median and sigma of the underlying normal.
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  // Exponential with the given mean.
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  // Day number uniformly in [from, to] (see calendar.ts for day numbers).
  dayBetween(from: number, to: number): number {
    return this.int(from, to);
  }

  // Fisher-Yates, in place; returns the same array.
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

// Cumulative weights for repeated draws; binary search per draw.
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of entries) {
      if (!(weight >= 0)) throw new RangeError('weights must be non-negative');
      if (weight === 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('weighted table needs a positive weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}
