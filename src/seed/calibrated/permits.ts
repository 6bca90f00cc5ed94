// Precursor-chemical purchase and transport permits, to the planned count and tonnage per city and year
// (exact: Wuzhong 2022, 1,775 permits for 3,357 t, ephedra herb included).
import { PermitKind } from '../../public-security/public-security.enums';
import { dayOf, isoOf } from '../calendar';
import { Rng } from '../random';
import { PrecursorPermitRow, sourceKey } from '../rows';
import { CHEMICALS } from '../world';
import { allocate } from './allocate';
import { countiesOf } from './county-plan';
import { PERMIT_COUNTY_WEIGHT, PERMITS, YEARS, yearIndex } from './ningxia-2022.plan';

const EPHEDRA = '麻黄草';
const EPHEDRA_COUNTIES = new Set(['640323', '640324', '640303']); // Yanchi, Tongxin, Hongsibu

export function generatePermits(rng: Rng): PrecursorPermitRow[] {
  const rows: Array<Omit<PrecursorPermitRow, 'id' | 'sourceKey'>> = [];
  for (const year of YEARS) {
    const yi = yearIndex(year);
    const first = dayOf(`${year}-01-02`);
    const last = dayOf(`${year}-12-30`);
    for (const [cityCode, plan] of Object.entries(PERMITS)) {
      const counties = countiesOf(cityCode).map((code) => [code, PERMIT_COUNTY_WEIGHT[code] ?? 1] as const);
      const drafts: Array<Omit<PrecursorPermitRow, 'id' | 'sourceKey'> & { weight: number }> = [];
      for (const [code, n] of allocate(plan.count[yi], counties)) {
        for (let i = 0; i < n; i++) {
          const [chemical, medianKg] = EPHEDRA_COUNTIES.has(code) && rng.chance(0.3) ? ([EPHEDRA, 3000] as const) : CHEMICALS.draw(rng);
          drafts.push({
            districtCode: code,
            kind: rng.chance(0.6) ? PermitKind.PURCHASE : PermitKind.TRANSPORT,
            issuedAt: isoOf(rng.dayBetween(first, last)),
            chemical,
            quantityKg: 0,
            weight: rng.logNormal(medianKg, 0.9),
          });
        }
      }
      // Whole kilograms adding up to the planned tonnes: every permit at least 1 kg.
      const kg = allocate(
        plan.tonnes[yi] * 1000 - drafts.length,
        drafts.map((d, i) => [i, d.weight] as const),
      );
      drafts.forEach(({ weight, ...row }, i) => {
        void weight;
        rows.push({ ...row, quantityKg: 1 + (kg.get(i) as number) });
      });
    }
  }
  rows.sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
  return rows.map((row, i) => ({ id: i + 1, sourceKey: sourceKey('precursorPermit', i + 1), ...row }));
}
