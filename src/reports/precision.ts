import { ValueFormat } from '../core/report-column';

// Decimals every released figure is rounded to at the edge (GraphQL, CSV, XLSX, page), so that
// float noise such as -16.078000000000003 never leaves the service. Shares and ratios: 4 decimals;
// kilograms and tonnes: 3; counts of persons or cases are integers.
export const RELEASE_DECIMALS: Record<ValueFormat, number> = { integer: 0, kilograms: 3, tonnes: 3, share: 4, ratio: 4 };

// Relative changes are shares (0.1234 = +12.34 %).
export const RELATIVE_CHANGE_DECIMALS = 4;

export function roundTo(n: number | null, decimals: number): number | null {
  if (n === null || !Number.isFinite(n)) return n;
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(n) * f + Number.EPSILON * f) / f;
  return n < 0 && r !== 0 ? -r : r;
}

export const roundFigure = (format: ValueFormat, n: number | null): number | null => roundTo(n, RELEASE_DECIMALS[format]);
