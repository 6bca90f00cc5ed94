import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection } from '../common/pagination/connection';
import { PeriodInput, validatePeriod } from '../common/period';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { EducationBase } from './education-base.entity';
import { PreventionIndicators } from './prevention-indicators.type';
import { preventionLoaders } from './prevention.loaders';
import { findPublicityEvents, findSchoolSessions } from './prevention.query';
import { PublicityEvent } from './publicity-event.entity';
import { SchoolSession } from './school-session.entity';

@ObjectType({ description: 'A page of publicity events (禁毒宣传活动分页列表)' })
export class PublicityEventConnection extends Connection(PublicityEvent, 'PublicityEvent', '禁毒宣传活动') {}

@ObjectType({ description: 'A page of school education sessions (学校禁毒教育课分页列表)' })
export class SchoolSessionConnection extends Connection(SchoolSession, 'SchoolSession', '学校禁毒教育课') {}

// The prevention department's fields on District: its records and figures for the district and
// everything below it. District-level records only; who may read them is in the access table.
@Resolver(() => District)
export class DistrictPreventionResolver {
  @FieldResolver(() => PreventionIndicators, { nullable: true, description: 'Prevention and education figures for a period (禁毒宣传教育指标)' })
  preventionIndicators(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: 'Period, both days inclusive (统计期间)' }) period: PeriodInput,
  ): Promise<PreventionIndicators> {
    return preventionLoaders(ctx).indicators(d.code, validatePeriod(period));
  }

  @FieldResolver(() => [EducationBase], { nullable: true, description: 'Education bases in this district or below it, open or closed, by id (禁毒科普教育基地)' })
  educationBases(@Root() d: District, @Ctx() ctx: Context): Promise<EducationBase[]> {
    return preventionLoaders(ctx).educationBases(ctx.tree.descendantCodes(d.code));
  }

  @FieldResolver(() => PublicityEventConnection, { nullable: true, description: 'Publicity events held in this district or below it (禁毒宣传活动)' })
  publicityEvents(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: 'Held within this period (举办期间)' }) period: PeriodInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ) {
    return findPublicityEvents(ctx.ds, ctx.tree.descendantCodes(d.code), validatePeriod(period), first, after);
  }

  @FieldResolver(() => SchoolSessionConnection, { nullable: true, description: 'School education sessions held in this district or below it (学校禁毒教育课)' })
  schoolSessions(
    @Root() d: District,
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput, { description: 'Held within this period (授课期间)' }) period: PeriodInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ) {
    return findSchoolSessions(ctx.ds, ctx.tree.descendantCodes(d.code), validatePeriod(period), first, after);
  }
}
