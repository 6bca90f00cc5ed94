import { defaultFieldResolver, GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import { Context } from './context';
import { District } from './district.entity';
import { Person } from './person.entity';
import { forbidden } from '../common/errors';
import { DISTRICT_SCOPED_FIELDS, ruleFor } from '../policy/access-rules';
import { withinJurisdiction } from '../policy/jurisdiction';


export function assertMayRead(ctx: Context, typeName: string, fieldName: string): void {
  if (!ruleFor(typeName, fieldName)?.includes(ctx.viewer.role)) {
    throw forbidden(`Role ${ctx.viewer.role} may not read ${typeName}.${fieldName}`);
  }
}


const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';

// The access rules wrapped around the resolver of every field of every object type (introspection
// types aside), after type-graphql built the schema. The role rule before resolving, jurisdiction on persons after; a field
// whose resolver answers synchronously (most fields: plain properties) stays synchronous: no
// promises per field, which type-graphql's middleware chain allocates for each of the tens of
// thousands of fields of a page of persons.
export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      const allowed = ruleFor(type.name, field.name); // the table is constant: looked up once per field
      const districtScoped = DISTRICT_SCOPED_FIELDS.has(field.name);
      field.resolve = (root, args, context: Context, info) => {
        if (!allowed?.includes(context.viewer.role)) throw forbidden(`Role ${context.viewer.role} may not read ${type.name}.${field.name}`);
        if (districtScoped && root instanceof District && !withinJurisdiction(context.viewer, context.tree, root.code)) {
          throw forbidden(`District ${root.code} is outside your jurisdiction`);
        }
        const result = resolve(root, args, context, info);
        if (isPromiseLike(result)) {
          return Promise.resolve(result).then((value) => {
            checkPersons(value, context, info);
            return value;
          });
        }
        checkPersons(result, context, info);
        return result;
      };
    }
  }
  return schema;
}

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
