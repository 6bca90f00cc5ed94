import { HEROIN_EQUIVALENT_SPC2016 } from '../../reference/heroin-equivalent-spc2016';

// Heroin-equivalent factors (SPC-2016, the table the report uses) and, per factor, the smallest number
// of milligrams whose equivalent is a whole milligram: quantities are multiples of it, so that the
// yearly totals are exact in decimal arithmetic.
export const FACTOR = new Map<string, number>(HEROIN_EQUIVALENT_SPC2016.map(([s, f]) => [s, f]));
export function quantum(factor: number): number {
  for (let q = 1; q <= 1000; q++) if (Math.abs(q * factor - Math.round(q * factor)) < 1e-9) return q;
  return 1000;
}
export function equivalentMg(substance: string, mg: number): number {
  return Math.round(mg * (FACTOR.get(substance) ?? 0));
}
