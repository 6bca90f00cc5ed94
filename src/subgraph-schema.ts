import { personLoaders } from './core/person.loaders';
// An executable department subgraph: its SDL (subgraph-sdl.ts) with the single schema's resolvers,
// entity references, and the same access rules as the single service.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { applyAccessRules, assertMayRead } from './core/access-guard';
import { withinJurisdiction } from './policy/jurisdiction';
import { domainError } from './common/errors';
import { Context } from './core/context';
import { District } from './core/district.entity';
import { Person } from './core/person.entity';
import { buildUnguardedSchema } from './schema';
import { subgraphTypeDefs } from './subgraph-sdl';
import { SubgraphName } from './subgraph-split';

// _entities: a Person needs the role that may look a person up, inside the viewer's jurisdiction
// (outside it: null, as Query.person answers), and is remembered for the audit trail.
async function resolvePerson(ref: { id?: unknown }, ctx: Context): Promise<Person | null> {
  assertMayRead(ctx, 'Query', 'person');
  const id = typeof ref.id === 'string' && /^\d{1,12}$/.test(ref.id) ? Number(ref.id) : NaN;
  if (!Number.isSafeInteger(id)) throw domainError('BAD_USER_INPUT', 'Person reference: not a person id');
  const person = await personLoaders(ctx).personById.load(id);
  if (!person || !withinJurisdiction(ctx.viewer, ctx.tree, person.residenceDistrictCode)) return null;
  ctx.personIdsRead.add(person.id);
  return person;
}

// District fields check their own jurisdiction rule on the District instance (src/core/access-guard.ts).
function resolveDistrict(ref: { code?: unknown }, ctx: Context): District | null {
  assertMayRead(ctx, 'Query', 'district');
  return typeof ref.code === 'string' ? (ctx.tree.get(ref.code) ?? null) : null;
}

export const REFERENCE_RESOLVERS = {
  Person: { __resolveReference: resolvePerson },
  District: { __resolveReference: resolveDistrict },
};

// The federation fields (Query._entities, Query._service, _Service.sdl) are not in ACCESS_RULES:
// applyAccessRules would deny them to everyone. _entities is open to every signed-in viewer because
// each reference above and every field read below it checks its own rule; _service answers only the
// subgraph's SDL, no data.
const FEDERATION_FIELDS = [['Query', '_entities'], ['Query', '_service'], ['_Service', 'sdl']] as const;

function withAccessRules(schema: GraphQLSchema): GraphQLSchema {
  const fieldOf = (type: string, field: string) => (schema.getType(type) as GraphQLObjectType | undefined)?.getFields()[field];
  const original = FEDERATION_FIELDS.map(([type, field]) => [fieldOf(type, field), fieldOf(type, field)?.resolve] as const);
  applyAccessRules(schema);
  for (const [field, resolve] of original) if (field) field.resolve = resolve;
  return schema;
}

export async function buildDepartmentSubgraph(name: SubgraphName, single?: GraphQLSchema): Promise<GraphQLSchema> {
  const unguarded = single ?? (await buildUnguardedSchema());
  const typeDefs = subgraphTypeDefs(unguarded)[name];
  const resolvers = createResolversMap(unguarded) as Record<string, Record<string, unknown>>;
  for (const [type, reference] of Object.entries(REFERENCE_RESOLVERS)) resolvers[type] = { ...resolvers[type], ...reference };
  return withAccessRules(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }));
}
