import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { District, DistrictLevel } from '../core/district.entity';

// District views: the tree comes from memory. The figures of a district are fields of the folders
// that compute them (src/indicators, the departments' District resolvers).
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
}
