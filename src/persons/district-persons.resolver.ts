import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { District } from '../core/district.entity';
import { jurisdictionCodes } from '../policy/jurisdiction';
import { PersonFilter } from './person.filter';
import { assertPersonFilterAllowed, findPersons } from './person.query';
import { PersonConnection } from './person.resolver';

// District.persons lives with the persons, the folder that depends on districts, not the reverse.
@Resolver(() => District)
export class DistrictPersonsResolver {
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
}
