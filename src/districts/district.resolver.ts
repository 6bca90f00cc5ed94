import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../core/context';
import { checkDistrictCode } from '../core/district-code';
import { District, DistrictLevel } from '../core/district.entity';
import { districtLoaders, indicatorsKey } from './district.loaders';
import { DistrictIndicators } from './indicators/district-indicators.type';

// District views: the tree comes from memory, figures from grouped SQL shared by all districts.
@Resolver(() => District)
export class DistrictResolver {
  @Query(() => District, { nullable: true, description: 'A district by GB/T 2260 code; null if unknown (按代码查询行政区划)' })
  district(@Arg('code', { description: 'GB/T 2260 code (行政区划代码)' }) code: string, @Ctx() ctx: Context): District | null {
    return ctx.tree.get(checkDistrictCode(code)) ?? null;
  }

  @Query(() => [District], { description: 'Districts, optionally of one level and below one parent, ordered by code (行政区划列表)' })
  districts(
    @Ctx() ctx: Context,
    @Arg('level', () => DistrictLevel, { nullable: true, description: 'Only this level (级别)' }) level?: DistrictLevel,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only districts below this one (上级区划代码)' }) parentCode?: string,
  ): District[] {
    const scope = parentCode ? new Set(ctx.tree.descendantCodes(checkDistrictCode(parentCode, 'parentCode'))) : undefined;
    return ctx.tree
      .all()
      .filter((d) => (!level || d.level === level) && (!scope || (scope.has(d.code) && d.code !== parentCode)));
  }

  @FieldResolver(() => District, { nullable: true, description: 'The parent district (上级区划)' })
  parent(@Root() d: District, @Ctx() ctx: Context): District | null {
    return ctx.tree.parent(d.code) ?? null;
  }

  @FieldResolver(() => [District], { description: 'Districts directly below (下级区划)' })
  children(@Root() d: District, @Ctx() ctx: Context): District[] {
    return ctx.tree.children(d.code);
  }

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
