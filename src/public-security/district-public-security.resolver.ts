import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection } from '../common/pagination/connection';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { DrugCase } from './drug-case.entity';
import { findDrugCases } from './drug-case.query';
import { publicSecurityLoaders } from './public-security.loaders';
import { WastewaterSample } from './wastewater-sample.entity';

@ObjectType({ description: 'A page of drug cases (毒品案件分页列表)' })
export class DrugCaseConnection extends Connection(DrugCase, 'DrugCase', '毒品案件') {}

// Public security's fields on District: its cases and wastewater samples in the district's subtree.
@Resolver(() => District)
export class DistrictPublicSecurityResolver {
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
    const lists = await publicSecurityLoaders(ctx).latestWastewaterByDistrict.loadMany(ctx.tree.descendantCodes(d.code));
    return lists.flatMap((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
  }
}
