import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { DistrictIndicators } from './district-indicators.type';
import { districtLoaders, indicatorsKey } from './indicators.loaders';

// District.indicators: figures from grouped SQL shared by all districts of the tree.
@Resolver(() => District)
export class DistrictIndicatorsResolver {
  @FieldResolver(() => DistrictIndicators, { nullable: true, description: "The province's indicators for this district and a period (禁毒工作指标)" })
  async indicators(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: 'Period, both days inclusive (统计期间)' }) period: PeriodInput,
  ): Promise<DistrictIndicators> {
    const all = await districtLoaders(ctx).indicatorsByPeriod.load(indicatorsKey(validatePeriod(period)));
    return all.get(d.code) as DistrictIndicators;
  }
}
