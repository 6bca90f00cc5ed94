import { GraphQLResolveInfo } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import { Context } from '../../context';
import { District } from '../../districts/district.entity';
import { Person } from '../../persons/person.entity';
import { domainError } from '../errors';
import { ruleFor } from './access-rules';
import { withinJurisdiction } from './jurisdiction';

// District fields that reveal what happens inside the district: the district must lie in the
// viewer's jurisdiction (another county's indicators: FORBIDDEN).
const DISTRICT_SCOPED_FIELDS = new Set(['indicators', 'persons', 'drugCases', 'latestWastewaterSamples']);

export function forbidden(message: string) {
  return domainError('FORBIDDEN', message);
}

export function assertMayRead(ctx: Context, typeName: string, fieldName: string): void {
  if (!ruleFor(typeName, fieldName)?.includes(ctx.viewer.role)) {
    throw forbidden(`Role ${ctx.viewer.role} may not read ${typeName}.${fieldName}`);
  }
}

// Every field of the schema passes here: the role rule before resolving, jurisdiction on persons
// after resolving. A denied field is an error on that field (partial data for the rest).
export const accessMiddleware: MiddlewareFn<Context> = async ({ root, context, info }, next) => {
  const typeName = info.parentType.name;
  assertMayRead(context, typeName, info.fieldName);
  if (root instanceof District && DISTRICT_SCOPED_FIELDS.has(info.fieldName) && !withinJurisdiction(context.viewer, context.tree, root.code)) {
    throw forbidden(`District ${root.code} is outside your jurisdiction`);
  }
  const result = await next();
  checkPersons(result, context, info);
  return result;
};

// A person is reachable when resident inside the viewer's jurisdiction; every person returned is
// remembered for the audit trail.
function checkPersons(result: unknown, ctx: Context, info: GraphQLResolveInfo): void {
  if (result instanceof Person) {
    if (!withinJurisdiction(ctx.viewer, ctx.tree, result.residenceDistrictCode)) {
      throw forbidden(`This person is outside your jurisdiction (${info.parentType.name}.${info.fieldName})`);
    }
    ctx.personIdsRead.add(result.id);
  } else if (Array.isArray(result) && result.length && result[0] instanceof Person) {
    for (const p of result as Person[]) {
      if (!withinJurisdiction(ctx.viewer, ctx.tree, p.residenceDistrictCode)) throw forbidden('A person in this list is outside your jurisdiction');
      ctx.personIdsRead.add(p.id);
    }
  }
}
