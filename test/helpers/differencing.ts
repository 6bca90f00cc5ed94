import { Period } from '../../src/common/period';
import { COLUMN_KIND, DERIVED_WHOLES, monthsOf } from '../../src/indicators/release/release-noise';
import { BaseColumn } from '../../src/indicators/release/suppression';

// A differencing attacker (docs/RELEASE-RULES.md): every released count of persons is a linear equation
// over the cells of the grid (atom column, county, month or period key); the attacker solves the
// system of everything released and works out every withheld cell that lies in its span: "quarter
// minus the other months", "city minus the other counties", "province minus other cities", year or
// cumulative minus the rest, and any mix of those. The linear algebra is exact, over GF(p).

const P = 67_108_859; // 2^26 - 5, a prime: products of two residues stay below 2^53
const mod = (x: number) => ((x % P) + P) % P;
const inverse = (a: number) => {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
};
const signed = (x: number) => (x > P / 2 ? x - P : x);

// The columns an equation of a released column adds up: a derived whole is the sum of its two parts.
export const atomsOf = (column: BaseColumn): readonly BaseColumn[] => DERIVED_WHOLES.get(column) ?? [column];

// Grid keys of a period for a column of this kind.
function keysOf(column: BaseColumn, period: Period): string[] {
  const kind = COLUMN_KIND[column];
  if (kind === 'FLOW') return monthsOf(period);
  if (kind === 'STOCK') return [period.to.slice(0, 7)];
  return [`${period.from.slice(0, 7)}|${period.to.slice(0, 7)}`];
}

// Equations of one column family split into independent systems: flows over all months, stocks per
// reference month, distinct counts per period (no equation ever links two of those).
function systemOf(column: BaseColumn, period: Period): string {
  const atoms = atomsOf(column);
  const kind = COLUMN_KIND[atoms[0]];
  const family = [...(DERIVED_WHOLES.get(column) ?? [...DERIVED_WHOLES].find(([, parts]) => parts.includes(column))?.[1] ?? [column])].join('+');
  return kind === 'FLOW' ? family : `${family}@${keysOf(atoms[0], period)[0]}`;
}

const CAPACITY = 22 * 12 * 2; // grid cells of one system at most: 22 counties x 12 months x 2 atoms

interface Row {
  pivot: number;
  coef: Float64Array; // normalized: coef[pivot] = 1
  rhs: number;
}

class System {
  private readonly index = new Map<string, number>();
  private readonly rows: Row[] = [];

  private cells(column: BaseColumn, counties: readonly string[], period: Period): Float64Array {
    const vec = new Float64Array(CAPACITY);
    for (const atom of atomsOf(column)) {
      for (const county of counties) {
        for (const key of keysOf(atom, period)) {
          const name = `${atom}|${county}|${key}`;
          let i = this.index.get(name);
          if (i === undefined) this.index.set(name, (i = this.index.size));
          if (i >= CAPACITY) throw new Error('differencing: system larger than expected');
          vec[i] = 1;
        }
      }
    }
    return vec;
  }

  // Eliminates the basis from vec (in place); returns the combination of right-hand sides used.
  private reduce(vec: Float64Array): number {
    let rhs = 0;
    for (const row of this.rows) {
      const f = vec[row.pivot];
      if (f === 0) continue;
      const coef = row.coef;
      for (let i = row.pivot; i < CAPACITY; i++) if (coef[i] !== 0) vec[i] = mod(vec[i] - f * coef[i]);
      rhs = mod(rhs + f * row.rhs);
    }
    return rhs;
  }

  add(column: BaseColumn, counties: readonly string[], period: Period, value: number): void {
    const vec = this.cells(column, counties, period);
    const rhs = mod(value - this.reduce(vec));
    const pivot = vec.findIndex((c) => c !== 0);
    if (pivot < 0) return; // implied by what is known already
    const inv = inverse(vec[pivot]);
    for (let i = pivot; i < CAPACITY; i++) vec[i] = mod(vec[i] * inv);
    this.rows.push({ pivot, coef: vec, rhs: mod(rhs * inv) });
  }

  // The value of the target if the equations determine it, with the number of grid cells it adds up.
  solve(column: BaseColumn, counties: readonly string[], period: Period): { value: number; cells: number } | null {
    const vec = this.cells(column, counties, period);
    const cells = vec.reduce((n, c) => n + (c !== 0 ? 1 : 0), 0);
    const value = this.reduce(vec);
    return vec.every((c) => c === 0) ? { value: signed(value), cells } : null;
  }
}

export interface ReleasedCell {
  district: string;
  period: Period;
  column: BaseColumn;
  value: number | null; // null: withheld
}

export interface AttackResult {
  withheld: number;
  determined: Array<{ cell: ReleasedCell; value: number; cells: number }>;
}

// Every withheld cell the released cells determine, with the determined value (a sum of grid cells).
export function differencingAttack(cells: readonly ReleasedCell[], countiesOf: (district: string) => readonly string[]): AttackResult {
  const systems = new Map<string, System>();
  const system = (c: ReleasedCell) => {
    const id = systemOf(c.column, c.period);
    let s = systems.get(id);
    if (!s) systems.set(id, (s = new System()));
    return s;
  };
  for (const c of cells) if (c.value !== null) system(c).add(c.column, countiesOf(c.district), c.period, c.value);
  const withheld = cells.filter((c) => c.value === null);
  const determined: AttackResult['determined'] = [];
  for (const c of withheld) {
    const found = system(c).solve(c.column, countiesOf(c.district), c.period);
    if (found) determined.push({ cell: c, ...found });
  }
  return { withheld: withheld.length, determined };
}

// The true values consistent with a determined noisy sum of `cells` grid cells, each carrying a noise
// of -2, -1, +1 or +2 that the attacker does not know; true counts are never negative.
export function consistentTrueValues(noisySum: number, cells: number): number[] {
  const sums = new Set<number>([0]);
  for (let i = 0; i < cells; i++) {
    const next = new Set<number>();
    for (const s of sums) for (const n of [-2, -1, 1, 2]) next.add(s + n);
    sums.clear();
    for (const s of next) sums.add(s);
  }
  return [...sums].map((s) => noisySum - s).filter((t) => t >= 0).sort((a, b) => a - b);
}
