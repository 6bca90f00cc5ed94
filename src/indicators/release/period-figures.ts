import DataLoader from 'dataloader';
import { Period } from '../../common/period';
import { Context, requestScoped } from '../../core/context';
import { DEFAULT_HEROIN_EQUIVALENT_TABLE, districtLoaders, indicatorsKey } from '../indicators.loaders';
import { DistrictIndicators } from '../district-indicators.type';
import { IndicatorSums } from '../../core/indicator-sums';
import { computeIndicatorSums, deriveIndicators } from '../indicators.service';
import { Release, releaseFigures } from './release';

// Figures: one grouped computation per period and request, shared by the joint report and
// District.indicators, raw for roles with person-level access and released (release.ts) for the others.

export type ReportContext = Pick<Context, 'viewer' | 'ds' | 'tree' | 'scope'>;

export interface PeriodFigures {
  period: Period;
  table: string;
  sums: Map<string, IndicatorSums>;
  indicators: Map<string, DistrictIndicators>;
  released: Map<number, Release>; // by threshold, computed when first needed
}

// The report needs the additive sums behind the figures (a rate's hidden numerator, for suppression),
// so it loads them with computeIndicatorSums, derives the figures with the same deriveIndicators as
// the indicatorsByPeriod loader, and primes that loader: District.indicators in the same request reuses
// them. Keyed like that loader (indicatorsKey), cached per request.
const figuresLoader = requestScoped(function figuresLoader(ctx) {
  return new DataLoader<string, PeriodFigures>(
    (keys) =>
      Promise.all(
        keys.map(async (key) => {
          const [from, to, table] = key.split('|');
          const period = { from, to };
          const sums = await computeIndicatorSums(ctx.ds, ctx.tree, period, table);
          const indicators = new Map<string, DistrictIndicators>();
          for (const [code, s] of sums) indicators.set(code, deriveIndicators(s, period, table));
          districtLoaders(ctx).indicatorsByPeriod.prime(key, indicators);
          return { period, table, sums, indicators, released: new Map() };
        }),
      ),
    { maxBatchSize: 20 },
  );
});

export function loadFigures(ctx: ReportContext, period: Period, table = DEFAULT_HEROIN_EQUIVALENT_TABLE): Promise<PeriodFigures> {
  return figuresLoader(ctx).load(indicatorsKey(period, table));
}

// The release of every district of the tree for these figures: computed once per request and period.
export function releasedFigures(ctx: ReportContext, figures: PeriodFigures, threshold: number): Release {
  let release = figures.released.get(threshold);
  if (!release) {
    release = releaseFigures(ctx.tree, figures.sums, figures.period, figures.table, threshold);
    figures.released.set(threshold, release);
  }
  return release;
}
