import {
  defaultFieldResolver, getNamedType, GraphQLFieldResolver, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo, GraphQLSchema, isAbstractType, isObjectType,
} from 'graphql';
import { Context } from './context';
import { District } from './district.entity';
import { Person } from './person.entity';
import { forbidden } from '../common/errors';
import { DISTRICT_SCOPED_FIELDS, ruleFor } from '../policy/access-rules';
import { withinJurisdiction } from '../policy/jurisdiction';
import { Role, ROLES } from '../policy/viewer';


export function assertMayRead(ctx: Context, typeName: string, fieldName: string): void {
  if (!ruleFor(typeName, fieldName)?.includes(ctx.viewer.role)) {
    throw forbidden(`Role ${ctx.viewer.role} may not read ${typeName}.${fieldName}`);
  }
}


const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';

// The object types a field's value may be (its named type, or the members of a union or interface).
function possibleTypes(schema: GraphQLSchema, type: GraphQLOutputType): readonly GraphQLObjectType[] {
  const named = getNamedType(type);
  if (isObjectType(named)) return [named];
  return isAbstractType(named) ? schema.getPossibleTypes(named) : [];
}

// Which roles can ever hold a value of each object type: every role at the root types, and through a
// field the roles that hold its parent and that the field's rule admits (a field without a rule, such as
// federation's _entities, which its resolvers guard themselves, counts as open). A fixed point over the
// schema, computed once at build time. A field that every role able to reach its type may read needs no
// role check when it executes: a role that may not read the field that leads to the type never gets a
// value of it, so deny-by-default holds with the checks kept where a role could be refused.
export function rolesReachingTypes(schema: GraphQLSchema): Map<string, Set<Role>> {
  const reach = new Map<string, Set<Role>>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) if (root) reach.set(root.name, new Set(ROLES));
  const objects = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of objects) {
      const holders = reach.get(type.name);
      if (!holders) continue;
      for (const field of Object.values(type.getFields())) {
        const rule = ruleFor(type.name, field.name);
        for (const target of possibleTypes(schema, field.type)) {
          let set = reach.get(target.name);
          if (!set) reach.set(target.name, (set = new Set()));
          for (const role of holders) {
            if ((!rule || rule.includes(role)) && !set.has(role)) {
              set.add(role);
              changed = true;
            }
          }
        }
      }
    }
  }
  return reach;
}

// The access rules around the resolvers of the schema's object types (introspection types aside),
// after type-graphql built the schema, where they can apply (a wrapper on every field costs a call and
// allocations for each of the ~40,000 fields of a page of persons):
// - the role rule on a field that some role reaching its type may not read, and on every root field;
// - jurisdiction on the district-scoped fields of District (per row);
// - jurisdiction and the audit's list of persons on every field whose value may be a Person (per row).
// Every other field keeps its resolver as it is. A field whose resolver answers synchronously stays
// synchronous.
export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  const reach = rolesReachingTypes(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const holders = [...(reach.get(type.name) ?? [])];
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      const allowed = ruleFor(type.name, field.name); // the table is constant: looked up once per field
      const roleChecked = roots.has(type.name) || !allowed || holders.some((role) => !allowed.includes(role));
      const districtScoped = DISTRICT_SCOPED_FIELDS.has(field.name);
      const personValued = possibleTypes(schema, field.type).some((t) => t.name === 'Person');
      if (!roleChecked && !districtScoped && !personValued) continue;
      const mayRoleRead = Object.fromEntries(ROLES.map((role) => [role, !roleChecked || (allowed?.includes(role) ?? false)])) as Record<string, boolean>;
      field.resolve = (root, args, context: Context, info) => {
        if (mayRoleRead[context.viewer.role] !== true) throw forbidden(`Role ${context.viewer.role} may not read ${type.name}.${field.name}`);
        if (districtScoped && root instanceof District && !withinJurisdiction(context.viewer, context.tree, root.code)) {
          throw forbidden(`District ${root.code} is outside your jurisdiction`);
        }
        const result = resolve(root, args, context, info);
        if (!personValued) return result;
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
