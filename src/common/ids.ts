import {
  GraphQLID, GraphQLList, GraphQLNonNull, GraphQLScalarType, GraphQLSchema, GraphQLType, isInputObjectType, isInterfaceType, isListType,
  isNamedType, isNonNullType, isObjectType, Kind, ValueNode,
} from 'graphql';
import { domainError } from './errors';

// Every internal id is a positive integer (a database row id). This is the one place an id from a
// client is read: the schema's ID scalar is replaced by one that parses ids this way, so every
// argument and input field of type ID, in every resolver, is refused before any SQL runs.
const POSITIVE_ID = /^[1-9]\d{0,15}$/;

export function parsePositiveId(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && POSITIVE_ID.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER) return text;
  throw domainError('BAD_USER_INPUT', 'An ID must be a positive integer, e.g. "42"', { rule: 'POSITIVE_ID', http: { status: 400 } });
}

function parseIdLiteral(ast: ValueNode): string {
  if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parsePositiveId(ast.value);
  return parsePositiveId(undefined);
}

export const PositiveIdScalar = new GraphQLScalarType({
  ...GraphQLID.toConfig(),
  parseValue: parsePositiveId,
  parseLiteral: parseIdLiteral,
});

function rewire<T extends GraphQLType>(type: T): T {
  if (isNonNullType(type)) return new GraphQLNonNull(rewire(type.ofType)) as T;
  if (isListType(type)) return new GraphQLList(rewire(type.ofType)) as T;
  return (isNamedType(type) && type.name === 'ID' ? PositiveIdScalar : type) as T;
}

// Every use of ID in the schema (arguments, input fields, outputs) is pointed at PositiveIdScalar, in
// place, as the access rules wrap resolvers in place. Outputs serialise as before. (graphql-tools'
// mapSchema leaves the built-in scalars alone, and graphql-js's own GraphQLID is shared by the process.)
export function withPositiveIds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        field.type = rewire(field.type);
        for (const arg of field.args) (arg as { type: typeof arg.type }).type = rewire(arg.type);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.type = rewire(field.type);
    }
  }
  const typeMap = schema.getTypeMap() as Record<string, unknown>;
  if (typeMap.ID) typeMap.ID = PositiveIdScalar;
  return schema;
}
