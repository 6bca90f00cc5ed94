// Records that do not hang off persons: caseworkers, community rehab centres, wastewater samples and
// precursor-chemical permits. Generated once per seed, before the person blocks.
import { Substance } from '../common/substance';
import { PermitKind } from '../public-security/public-security.enums';
import { dayOf, dayOfYearEnd, dayOfYearStart, isoOf, WORLD_YEARS } from './calendar';
import { GeneratorContext } from './context';
import { apportion, CITY_CODES, CITY_NAME, COUNTIES, TOTAL_COUNTY_WEIGHT } from './geography';
import { personName, STREET_NAMES } from './names';
import { Rng, WeightedTable } from './random';
import { sourceKey, SyntheticData } from './rows';

// Share of persons who are drug users (the others are suspects only); used to size caseworkers.
export const EXPECTED_USER_SHARE = 0.86;
export const USERS_PER_CASEWORKER = 20;
export const REHAB_CENTRES = 246; // published: standardized community detox/rehab centres

export function generateWorld(rng: Rng, ctx: GeneratorContext, out: SyntheticData): void {
  caseworkers(rng, ctx, out);
  centres(rng, ctx, out);
  wastewater(rng, ctx, out);
  permits(rng, ctx, out);
}

function caseworkers(rng: Rng, ctx: GeneratorContext, out: SyntheticData): void {
  for (const county of COUNTIES) {
    const expectedUsers = (ctx.persons * EXPECTED_USER_SHARE * county.weight) / TOTAL_COUNTY_WEIGHT;
    const count = Math.max(1, Math.round(expectedUsers / USERS_PER_CASEWORKER));
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = ctx.nextId('caseworker');
      ids.push(id);
      out.caseworker.push({
        id,
        sourceKey: sourceKey('caseworker', id),
        districtCode: county.code,
        name: personName(rng, rng.chance(0.55)),
        isActive: !rng.chance(0.08),
      });
    }
    ctx.caseworkersByCounty.set(county.code, ids);
  }
}

function centres(rng: Rng, ctx: GeneratorContext, out: SyntheticData): void {
  const perCounty = apportion(REHAB_CENTRES, 1);
  const opened = { from: dayOf('2015-03-01'), to: dayOf('2021-12-31') };
  for (const county of COUNTIES) {
    const streets = rng.shuffle([...STREET_NAMES]);
    const ids: number[] = [];
    const count = perCounty.get(county.code) ?? 1;
    for (let i = 0; i < count; i++) {
      const id = ctx.nextId('rehabCentre');
      ids.push(id);
      const street = streets[i % streets.length] + (i >= streets.length ? String(Math.floor(i / streets.length) + 1) : '');
      out.rehabCentre.push({
        id,
        sourceKey: sourceKey('rehabCentre', id),
        districtCode: county.code,
        name: `${county.name}${street}社区戒毒康复工作中心`,
        openedAt: rng.chance(0.95) ? isoOf(rng.dayBetween(opened.from, opened.to)) : null,
      });
    }
    ctx.centresByCounty.set(county.code, ids);
  }
}

const SITES_PER_CITY: Record<string, number> = { '640100': 3, '640200': 2, '640300': 2, '640400': 2, '640500': 2 };
const ORDINALS = ['第一', '第二', '第三', '第四'];
// Median concentration in ng/L in 2017 and the yearly decline.
const WASTEWATER_SUBSTANCES: ReadonlyArray<readonly [Substance, number]> = [
  [Substance.METHAMPHETAMINE, 32],
  [Substance.KETAMINE, 6],
  [Substance.HEROIN, 3.5],
];
const WASTEWATER_FROM_YEAR = 2017;

function wastewater(rng: Rng, ctx: GeneratorContext, out: SyntheticData): void {
  for (const cityCode of CITY_CODES) {
    const counties = COUNTIES.filter((c) => c.cityCode === cityCode);
    const cityPopulation = counties.reduce((sum, c) => sum + c.weight, 0);
    const sites = SITES_PER_CITY[cityCode] ?? 2;
    for (let s = 0; s < sites; s++) {
      const county = counties[s % counties.length];
      const site = `${CITY_NAME.get(cityCode)}${ORDINALS[s]}污水处理厂`;
      const populationServed = Math.round((cityPopulation / sites) * rng.float(0.35, 0.7));
      const litresPerPerson = rng.float(0.14, 0.22);
      for (const year of WORLD_YEARS) {
        if (year < WASTEWATER_FROM_YEAR) continue;
        for (let month = 1; month <= 12; month++) {
          const day = dayOf(`${year}-${String(month).padStart(2, '0')}-${String(rng.int(5, 25)).padStart(2, '0')}`);
          const flow = Math.round(populationServed * litresPerPerson * rng.float(0.85, 1.15) * 10) / 10;
          for (const [substance, median2017] of WASTEWATER_SUBSTANCES) {
            const trend = Math.pow(0.8, year - 2017 + (month - 1) / 12);
            const id = ctx.nextId('wastewaterSample');
            out.wastewaterSample.push({
              id,
              sourceKey: sourceKey('wastewaterSample', id),
              districtCode: county.code,
              site,
              sampledAt: isoOf(day),
              substance,
              concentrationNgPerL: Math.round(rng.logNormal(median2017 * trend, 0.45) * 1000) / 1000,
              flowM3PerDay: flow,
              populationServed,
            });
          }
        }
      }
    }
  }
}

// Counties with chemical industry issue most permits (Ningdong base in Lingwu, Shizuishan's industry).
const PERMIT_COUNTY_WEIGHT: Record<string, number> = {
  '640181': 30, '640221': 12, '640205': 12, '640202': 9, '640302': 8, '640381': 7, '640502': 6, '640521': 6,
  '640104': 5, '640105': 6, '640106': 4, '640121': 3, '640122': 3,
};
const PERMIT_COUNTIES = new WeightedTable(COUNTIES.map((c) => [c.code, PERMIT_COUNTY_WEIGHT[c.code] ?? 1] as const));
// Precursor chemicals on permits: [name, median kg per permit], weight. Also drawn by the calibrated seed.
export const CHEMICALS = new WeightedTable<readonly [string, number]>([
  [['硫酸', 4000], 30],
  [['盐酸', 2500], 22],
  [['丙酮', 800], 14],
  [['甲苯', 1200], 12],
  [['甲基乙基酮', 600], 6],
  [['三氯甲烷', 400], 5],
  [['乙醚', 150], 4],
  [['高锰酸钾', 100], 4],
  [['醋酸酐', 200], 3],
]);

function permits(rng: Rng, ctx: GeneratorContext, out: SyntheticData): void {
  for (const year of WORLD_YEARS) {
    const count = rng.int(240, 360);
    const from = dayOfYearStart(year);
    const to = dayOfYearEnd(year);
    const days = Array.from({ length: count }, () => rng.dayBetween(from, to)).sort((a, b) => a - b);
    for (const day of days) {
      const [chemical, medianKg] = CHEMICALS.draw(rng);
      const id = ctx.nextId('precursorPermit');
      out.precursorPermit.push({
        id,
        sourceKey: sourceKey('precursorPermit', id),
        districtCode: PERMIT_COUNTIES.draw(rng),
        kind: rng.chance(0.6) ? PermitKind.PURCHASE : PermitKind.TRANSPORT,
        issuedAt: isoOf(day),
        chemical,
        quantityKg: Math.max(1, Math.round(rng.logNormal(medianKg, 1.0))),
      });
    }
  }
}
