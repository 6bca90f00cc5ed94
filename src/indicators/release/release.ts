import { Period } from '../../common/period';
import { DistrictLevel } from '../../core/district.entity';
import { DistrictTree } from '../../core/district-tree';
import { DistrictIndicators } from '../district-indicators.type';
import { emptySums, IndicatorSums } from '../../core/indicator-sums';
import { deriveIndicators, ratio } from '../indicators.service';
import { INDICATOR_DEFINITIONS } from '../indicator-definitions';
import { DERIVED_WHOLES, monthsOf, NOISED_COLUMNS, periodNoise } from './release-noise';
import { BASE_COLUMNS, BaseColumn, BaseValues, baseValues, suppressSmallCells } from './suppression';

// The figures released to roles without person-level access (docs/RELEASE-RULES.md), for every district
// of the tree at once and one period of whole months:
// 1. each county's count of persons in each column gets the noise of its grid cells (release-noise.ts);
//    the whole of an additive triple is the sum of its two noisy parts;
// 2. a city's or the province's count is the sum of its counties' noisy counts, so released figures
//    add up along the tree and, for flows, over months;
// 3. small-cell suppression on the noisy counts: everything below the threshold (zero and negative
//    included: a noisy 0 would say "1 or 2 persons") is withheld, with complementary cells as before;
// 4. rates are computed from the noisy counts and withheld with their numerator or denominator.
// Figures that are not counts of persons (cases, kilograms, permits) are the true ones.
// Records coded to a city or the province itself rather than to a county have no grid cell: they are
// not part of released counts of persons (the demo and calibrated data code every record to a county).

export interface ReleasedDistrict {
  indicators: DistrictIndicators;
  withheld: ReadonlySet<BaseColumn>;
}

export type Release = Map<string, ReleasedDistrict>;

const DEPTH: Record<DistrictLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3 };

// The noisy counts of every county, then of every district at county level or above (their sums).
export function noisyCounts(tree: DistrictTree, sums: ReadonlyMap<string, IndicatorSums>, period: Period): Map<string, BaseValues> {
  const months = monthsOf(period);
  const counties = new Map<string, BaseValues>();
  for (const county of tree.all().filter((d) => d.level === DistrictLevel.COUNTY)) {
    const truth = baseValues(sums.get(county.code) ?? emptySums());
    const noisy = { ...truth };
    for (const column of NOISED_COLUMNS) noisy[column] = truth[column] + periodNoise(column, county.code, period, truth[column], months);
    for (const [whole, [part, rest]] of DERIVED_WHOLES) noisy[whole] = noisy[part] + noisy[rest];
    counties.set(county.code, noisy);
  }
  const out = new Map<string, BaseValues>();
  for (const d of tree.all()) {
    if (DEPTH[d.level] > DEPTH.COUNTY) continue;
    const total = Object.fromEntries(BASE_COLUMNS.map((c) => [c, 0])) as BaseValues;
    for (const code of tree.descendantCodes(d.code)) {
      const county = counties.get(code);
      if (county) for (const c of BASE_COLUMNS) total[c] += county[c];
    }
    out.set(d.code, total);
  }
  return out;
}

export function releaseFigures(
  tree: DistrictTree,
  sums: ReadonlyMap<string, IndicatorSums>,
  period: Period,
  heroinEquivalentTable: string,
  threshold: number,
): Release {
  const noisy = noisyCounts(tree, sums, period);
  const hidden = suppressSmallCells(tree, noisy, threshold, BASE_COLUMNS, (v) => v < threshold);
  const release: Release = new Map();
  for (const d of tree.all()) {
    const truth = sums.get(d.code) ?? emptySums();
    const values = noisy.get(d.code);
    // below county level there is no grid: every count of persons is withheld
    const withheld: ReadonlySet<BaseColumn> = values ? (hidden.get(d.code) ?? new Set()) : new Set(BASE_COLUMNS);
    release.set(d.code, { indicators: releasedIndicators(truth, values, withheld, period, heroinEquivalentTable), withheld });
  }
  return release;
}

type Writable = Record<string, unknown>;

function releasedIndicators(
  truth: IndicatorSums,
  noisy: BaseValues | undefined,
  withheld: ReadonlySet<BaseColumn>,
  period: Period,
  heroinEquivalentTable: string,
): DistrictIndicators {
  const figures = deriveIndicators(truth, period, heroinEquivalentTable);
  const count = (c: BaseColumn): number | null => (noisy && !withheld.has(c) ? noisy[c] : null);
  const out = figures as unknown as Writable;
  for (const def of INDICATOR_DEFINITIONS) {
    if (def.field === 'riskDistribution') continue;
    if (def.persons) out[def.field] = count(def.persons);
    else if (def.numerator) {
      const numerator = count(def.numerator);
      const denominator = def.denominator ? count(def.denominator) : truth.caseworkers; // persons per caseworker
      out[def.field] = numerator === null || denominator === null ? null : ratio(numerator, denominator);
    }
  }
  for (const def of INDICATOR_DEFINITIONS.filter((d) => d.field === 'riskDistribution')) {
    const entry = figures.riskDistribution.find((r) => r.colour === def.riskColour);
    if (entry && def.persons) entry.persons = count(def.persons);
  }
  return figures;
}
