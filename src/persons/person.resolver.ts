import { GraphQLResolveInfo } from 'graphql';
import { personWithLearnedLists } from '../core/person-lists';
import { Arg, Ctx, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../common/errors';
import { validateIdNumber } from '../common/id-number';
import { Connection } from '../common/pagination/connection';
import { DateScalar } from '../common/scalars';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { Person } from '../core/person.entity';
import { computeStatus, personFacts, PersonStatus, today } from './user-status';
import { PersonFilter } from './person.filter';
import { assertPersonFilterAllowed, findPersons } from './person.query';
import { jurisdictionCodes, withinJurisdiction } from '../policy/jurisdiction';
import { buildTimeline, TimelineEvent } from './timeline';
import { onReplica } from '../common/read-replica';

@ObjectType({ description: 'A page of persons (人员分页列表)' })
export class PersonConnection extends Connection(Person, 'Person', '人员') {}

function parseId(id: string): number {
  if (!/^\d{1,12}$/.test(id)) throw badInput('id: not a person id', 'id');
  return Number(id);
}

// A lookup answers null for a person outside the viewer's jurisdiction, exactly as for an unknown
// one: whether someone is on record elsewhere in the province is itself personal data.
function inJurisdiction(ctx: Context, person: Person | null): Person | null {
  return person && withinJurisdiction(ctx.viewer, ctx.tree, person.residenceDistrictCode) ? person : null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'A person by internal id; null if unknown (按编号查询人员)' })
  async person(
    @Arg('id', () => ID, { description: 'Internal person id (人员编号)' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Person | null> {
    return inJurisdiction(ctx, await personWithLearnedLists(ctx, parseId(id), info.fieldNodes[0], jurisdictionCodes(ctx.viewer, ctx.tree)));
  }

  @Query(() => Person, { nullable: true, description: 'A person by national ID number (15 or 18 characters); null if unknown (按身份证号查询人员)' })
  async personByIdNumber(
    @Arg('idNumber', { description: 'Resident identity number, GB 11643 (公民身份号码)' }) idNumber: string,
    @Ctx() ctx: Context,
  ): Promise<Person | null> {
    const checked = validateIdNumber(idNumber);
    if (!checked.ok) throw badInput(`idNumber: ${checked.message}`, 'idNumber', checked.rule);
    return inJurisdiction(ctx, await onReplica(ctx.ds, (em) => em.getRepository(Person).findOneBy({ idNumber: checked.idNumber })));
  }

  @Query(() => PersonConnection, { description: 'Persons matching a filter, ordered by id (人员列表)' })
  persons(
    @Ctx() ctx: Context,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Conditions (筛选条件)' }) filter?: PersonFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500; default 20 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ) {
    assertPersonFilterAllowed(ctx, filter);
    return findPersons(ctx.ds, ctx.tree, jurisdictionCodes(ctx.viewer, ctx.tree), filter ?? {}, first, after);
  }

  @FieldResolver(() => District, { nullable: true, description: 'The residence district; null if outside the province (居住地)' })
  residenceDistrict(@Root() person: Person, @Ctx() ctx: Context): District | null {
    return ctx.tree.get(person.residenceDistrictCode) ?? null;
  }

  @FieldResolver(() => District, { nullable: true, description: 'The household district; null if outside the province (户籍地)' })
  householdDistrict(@Root() person: Person, @Ctx() ctx: Context): District | null {
    return person.householdDistrictCode ? (ctx.tree.get(person.householdDistrictCode) ?? null) : null;
  }

  @FieldResolver(() => [TimelineEvent], { description: "Events from all three departments, newest first (人员时间线)" })
  timeline(@Root() person: Person, @Ctx() ctx: Context): Promise<TimelineEvent[]> {
    return buildTimeline(person.id, ctx);
  }

  @FieldResolver(() => PersonStatus, { description: "The person's status across departments (状态摘要)" })
  async status(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Reference date; default today (参照日期)' }) asOf?: string,
  ): Promise<PersonStatus> {
    return computeStatus(asOf ?? today(), person.deceasedAt, await personFacts(person.id, ctx));
  }
}
