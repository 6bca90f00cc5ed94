// The SDL of each department subgraph, cut out of the single schema: its root fields and entity
// fields (src/subgraph-split.ts) and every type they reach. Person and District carry
// @key; an object type that more than one subgraph serves whole is @shareable. The single schema
// (schema/schema.graphql) is not touched: the directives exist only in the subgraphs' SDL.
import {
  ConstDirectiveNode,
  DefinitionNode,
  DocumentNode,
  FieldDefinitionNode,
  GraphQLSchema,
  InputValueDefinitionNode,
  Kind,
  parse,
  printSchema,
  TypeNode,
} from 'graphql';
import { ENTITY_KEYS, ownerOf, SPLIT_TYPES, SUBGRAPH_NAMES, SubgraphName } from './subgraph-split';

export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

type NamedDefinition = Extract<DefinitionNode, { name: { value: string } }> & { fields?: readonly (FieldDefinitionNode | InputValueDefinitionNode)[] };

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function directive(name: string, args: Record<string, string> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([arg, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: arg },
      value: { kind: Kind.STRING, value },
    })),
  };
}

// The fields of a type that this subgraph serves: all of them, except on the split types (the
// entities keep their key field everywhere).
function servedFields(subgraph: SubgraphName, def: NamedDefinition): readonly FieldDefinitionNode[] | undefined {
  const fields = def.fields as readonly FieldDefinitionNode[] | undefined;
  const typeName = def.name.value;
  if (!fields || !SPLIT_TYPES.has(typeName)) return fields;
  return fields.filter((f) => f.name.value === ENTITY_KEYS[typeName] || ownerOf(typeName, f.name.value) === subgraph);
}

// The types one subgraph needs, each with the fields it serves.
function reachableTypes(subgraph: SubgraphName, defs: Map<string, NamedDefinition>): Map<string, readonly FieldDefinitionNode[] | undefined> {
  const included = new Map<string, readonly FieldDefinitionNode[] | undefined>();
  const visit = (name: string): void => {
    const def = defs.get(name);
    if (!def || included.has(name)) return; // built-in scalars have no definition
    const fields = servedFields(subgraph, def);
    included.set(name, fields);
    for (const field of fields ?? []) {
      visit(namedType(field.type));
      for (const arg of field.arguments ?? []) visit(namedType(arg.type));
    }
    if (def.kind === Kind.UNION_TYPE_DEFINITION) for (const member of def.types ?? []) visit(member.name.value);
  };
  for (const root of ['Query', 'Mutation']) {
    const def = defs.get(root);
    if (def && servedFields(subgraph, def)?.length) visit(root);
  }
  // an entity whose fields this subgraph serves is part of it even when none of its root fields returns it
  for (const entity of Object.keys(ENTITY_KEYS)) {
    const def = defs.get(entity);
    if (def && (servedFields(subgraph, def)?.length ?? 0) > 1) visit(entity);
  }
  return included;
}

// One SDL document per subgraph.
export function subgraphTypeDefs(single: GraphQLSchema): Record<SubgraphName, DocumentNode> {
  const definitions = parse(printSchema(single)).definitions as readonly NamedDefinition[];
  const defs = new Map(definitions.map((d) => [d.name.value, d]));
  const parts = new Map(SUBGRAPH_NAMES.map((name) => [name, reachableTypes(name, defs)]));
  const servedBy = (type: string) => SUBGRAPH_NAMES.filter((name) => parts.get(name)!.has(type)).length;

  const result = {} as Record<SubgraphName, DocumentNode>;
  for (const name of SUBGRAPH_NAMES) {
    const typeDefs: DefinitionNode[] = [];
    for (const [typeName, fields] of parts.get(name)!) {
      const def = defs.get(typeName)!;
      const extra: ConstDirectiveNode[] = [];
      if (ENTITY_KEYS[typeName]) extra.push(directive('key', { fields: ENTITY_KEYS[typeName] }));
      else if (def.kind === Kind.OBJECT_TYPE_DEFINITION && !SPLIT_TYPES.has(typeName) && servedBy(typeName) > 1) extra.push(directive('shareable'));
      typeDefs.push({ ...def, ...(fields && { fields }), directives: [...(def.directives ?? []), ...extra] } as DefinitionNode);
    }
    result[name] = { kind: Kind.DOCUMENT, definitions: [...parse(FEDERATION_LINK).definitions, ...typeDefs] };
  }
  return result;
}
