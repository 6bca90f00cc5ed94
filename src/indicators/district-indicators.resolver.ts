import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { readsAggregatesOnly } from '../policy/report-roles';
import { DistrictIndicators } from './district-indicators.type';
import { districtLoaders, indicatorsKey } from './indicators.loaders';
import { loadFigures, releasedFigures } from './release/period-figures';
import { reportConfig } from './release/release-config';
import { assertWholeMonths } from './release/release-noise';

// District.indicators: figures from grouped SQL shared by all districts of the tree; for a role
// without person-level access, the same release as the joint report's (docs/RELEASE-RULES.md).
@Resolver(() => District)
export class DistrictIndicatorsResolver {
  @FieldResolver(() => DistrictIndicators, {
    nullable: true,
    description:
      "The province's indicators for this district and a period; for a role without person-level access, the released figures of whole months (docs/RELEASE-RULES.md) (禁毒工作指标)",
  })
  async indicators(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: 'Period, both days inclusive; whole calendar months for a role without person-level access (统计期间)' }) period: PeriodInput,
  ): Promise<DistrictIndicators> {
    const valid = validatePeriod(period);
    if (readsAggregatesOnly(ctx.viewer)) {
      // the joint report's release: the same figures for the same district and period
      assertWholeMonths(valid, 'period');
      const release = releasedFigures(ctx, await loadFigures(ctx, valid), reportConfig().suppressionThreshold);
      return release.get(d.code)?.indicators as DistrictIndicators;
    }
    const all = await districtLoaders(ctx).indicatorsByPeriod.load(indicatorsKey(valid));
    return all.get(d.code) as DistrictIndicators;
  }
}
