import DataLoader from 'dataloader';
import { Period } from '../common/period';
import { Context } from '../context';
import { DEFAULT_HEROIN_EQUIVALENT_TABLE, indicatorsKey } from '../districts/district.loaders';
import { DistrictIndicators } from '../districts/indicators/district-indicators.type';
import { IndicatorSums } from '../districts/indicators/indicator-sums';
import { computeIndicatorSums, deriveIndicators } from '../districts/indicators/indicators.service';
import { Release, releaseFigures } from './release';

// Figures: one grouped computation per period and request, shared by the joint report and
// District.indicators, raw for roles with person-level access and released (release.ts) for the others.

export type ReportContext = Pick<Context, 'viewer' | 'ds' | 'tree' | 'loaders'>;

export interface PeriodFigures {
  period: Period;
  table: string;
  sums: Map<string, IndicatorSums>;
  indicators: Map<string, DistrictIndicators>;
  released: Map<number, Release>; // by threshold, computed when first needed
}

const figureLoaders = new WeakMap<object, DataLoader<string, PeriodFigures>>();

// The report needs the additive sums behind the figures (a rate's hidden numerator, for suppression),
// so it loads them with computeIndicatorSums, derives the figures with the same deriveIndicators as
// the indicatorsByPeriod loader, and primes that loader: District.indicators in the same request reuses
// them. Keyed like that loader (indicatorsKey), cached per request (per loader set).
function figuresLoader(ctx: ReportContext): DataLoader<string, PeriodFigures> {
  let loader = figureLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, PeriodFigures>(
      (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [from, to, table] = key.split('|');
            const period = { from, to };
            const sums = await computeIndicatorSums(ctx.ds, ctx.tree, period, table);
            const indicators = new Map<string, DistrictIndicators>();
            for (const [code, s] of sums) indicators.set(code, deriveIndicators(s, period, table));
            ctx.loaders.indicatorsByPeriod.prime(key, indicators);
            return { period, table, sums, indicators, released: new Map() };
          }),
        ),
      { maxBatchSize: 20 },
    );
    figureLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

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
