import { SPC2016_TABLE as DEFAULT_HEROIN_EQUIVALENT_TABLE } from '../reference/heroin-equivalent-spc2016';
import { requestScoped } from '../core/context';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Period } from '../common/period';
import { DistrictTree } from '../core/district-tree';
import { DistrictIndicators } from './district-indicators.type';
import { computeIndicators } from './indicators.service';

export { DEFAULT_HEROIN_EQUIVALENT_TABLE };

// Indicators for every district of the tree at once, per period: asking for 22 counties costs
// the same grouped statements as asking for one.
export function createDistrictLoaders(ds: DataSource, tree: DistrictTree) {
  return {
    indicatorsByPeriod: new DataLoader<string, Map<string, DistrictIndicators>>(
      (keys) =>
        Promise.all(
          keys.map((key) => {
            const [from, to, table] = key.split('|');
            return computeIndicators(ds, tree, { from, to }, table);
          }),
        ),
      { maxBatchSize: 20 },
    ),
  };
}

export function indicatorsKey(period: Period, table = DEFAULT_HEROIN_EQUIVALENT_TABLE): string {
  return `${period.from}|${period.to}|${table}`;
}


export const districtLoaders = requestScoped(function districtLoaders(ctx) {
  return createDistrictLoaders(ctx.ds, ctx.tree);
});
