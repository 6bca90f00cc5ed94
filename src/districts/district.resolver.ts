import { Arg, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection } from '../common/pagination/connection';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../context';
import { PersonFilter } from '../persons/person.filter';
import { assertPersonFilterAllowed, findPersons } from '../persons/person.query';
import { jurisdictionCodes } from '../common/auth/jurisdiction';
import { PersonConnection } from '../persons/person.resolver';
import { DrugCase } from '../public-security/drug-case.entity';
import { findDrugCases } from '../public-security/drug-case.query';
import { WastewaterSample } from '../public-security/wastewater-sample.entity';
import { District, DistrictLevel } from './district.entity';
import { indicatorsKey } from './district.loaders';
import { DistrictIndicators } from './indicators/district-indicators.type';

@ObjectType({ description: 'A page of drug cases (毒品案件分页列表)' })
export class DrugCaseConnection extends Connection(DrugCase, 'DrugCase', '毒品案件') {}

// District views: the tree comes from memory, figures from grouped SQL shared by all districts.
@Resolver(() => District)
export class DistrictResolver {
  @Query(() => District, { nullable: true, description: 'A district by GB/T 2260 code; a code that is not a district of Ningxia is BAD_USER_INPUT (按代码查询行政区划)' })
  district(@Arg('code', { description: 'GB/T 2260 code (行政区划代码)' }) code: string, @Ctx() ctx: Context): District | null {
    // the code was read by src/districts/district-inputs.ts before the operation ran
    return ctx.tree.get(code) ?? null;
  }

  @Query(() => [District], { description: 'Districts, optionally of one level and below one parent, ordered by code (行政区划列表)' })
  districts(
    @Ctx() ctx: Context,
    @Arg('level', () => DistrictLevel, { nullable: true, description: 'Only this level (级别)' }) level?: DistrictLevel,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only districts below this one (上级区划代码)' }) parentCode?: string,
  ): District[] {
    const scope = parentCode ? new Set(ctx.tree.descendantCodes(parentCode)) : undefined;
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
    const all = await ctx.loaders.indicatorsByPeriod.load(indicatorsKey(validatePeriod(period)));
    return all.get(d.code) as DistrictIndicators;
  }

  @FieldResolver(() => PersonConnection, { nullable: true, description: 'Persons resident in this district or below it (辖区人员)' })
  persons(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Further conditions (筛选条件)' }) filter?: PersonFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ) {
    assertPersonFilterAllowed(ctx, filter);
    return findPersons(ctx.ds, ctx.tree, jurisdictionCodes(ctx.viewer, ctx.tree), { ...(filter ?? {}), districtCode: d.code }, first, after);
  }

  @FieldResolver(() => DrugCaseConnection, { nullable: true, description: 'Drug cases filed in this district or below it (辖区毒品案件)' })
  drugCases(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Filed within this period (立案期间)' }) period?: PeriodInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ) {
    return findDrugCases(ctx.ds, ctx.tree.descendantCodes(d.code), period ? validatePeriod(period) : undefined, first, after);
  }

  @FieldResolver(() => [WastewaterSample], { nullable: true, description: 'Latest sample of each site and substance in this district or below (最新污水监测)' })
  async latestWastewaterSamples(@Root() d: District, @Ctx() ctx: Context): Promise<WastewaterSample[]> {
    const lists = await ctx.loaders.latestWastewaterByDistrict.loadMany(ctx.tree.descendantCodes(d.code));
    return lists.flatMap((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
  }
}
