import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  BREAK, DocumentNode, execute, ExecutionResult, getNamedType, GraphQLError, GraphQLSchema, isScalarType, isSpecifiedScalarType, Kind, OperationDefinitionNode,
  printSchema, SourceLocation, TypeInfo, valueFromAST, ValueNode, visit, visitWithTypeInfo,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { logger } from './logger';

// Queries run as compiled JavaScript (graphql-jit): one function per document that walks the
// selection without graphql-js's per-field bookkeeping (a page of 100 persons is ~40,000 fields).
// Resolvers, the access rules wrapped around them (src/core/access-guard.ts), errors and their
// paths, nulls on refused fields and non-null propagation are as graphql-js executes them.
// graphql-js still executes:
// - mutations and subscriptions (not hot; mutations read `info.operation` for the audit trail);
// - an operation whose variables graphql-js refuses, so that its errors are graphql-js's own (Apollo
//   answers them 400 BAD_USER_INPUT); graphql-jit coerces the built-in scalars by name, which would
//   skip the schema's own ID scalar (src/common/ids.ts) – so variables are checked here first;
// - a document graphql-jit cannot compile, and a request without a query hash to cache it under;
// - a document whose literals carry graphql-jit's markers (literalsCarryMarkers below).
// graphql-jit reads a field without a resolver as a property; graphql-js's default resolver would also
// call a method found there. No type of this schema exposes a method that way (type-graphql's
// simpleResolvers: the fields are columns and plain properties).
// A compiled document keeps the resolvers it was compiled with: a plugin with willResolveField (Apollo
// wraps the schema's resolvers on its first request) would miss the documents compiled before; the
// server disables the two that have one (cache control, inline trace).

export type Executor = 'compiled' | 'graphql-js';

export interface CompiledExecutionOptions {
  // compiled documents kept, least recently used dropped first
  maxDocuments?: number;
  // told which executor ran each operation (metrics)
  onExecute?: (executor: Executor) => void;
}

// a compiled page of persons with every relation holds ~60 KB of heap and takes ~10 ms to compile
const DEFAULT_MAX_COMPILED_DOCUMENTS = 500;

export interface CompiledExecutionRequest {
  document: DocumentNode;
  operation: OperationDefinitionNode | undefined;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
  contextValue: unknown;
  // identifies the document's text (Apollo's queryHash); without it nothing is compiled
  queryHash: string | undefined;
}

export interface CompiledExecutor {
  (request: CompiledExecutionRequest): Promise<ExecutionResult>;
  // how many documents are compiled (or known not to compile) now
  readonly cached: () => number;
}

type Compiled = CompiledQuery | null; // null: graphql-jit refused the document

export function createCompiledExecutor(
  schema: GraphQLSchema,
  { maxDocuments = DEFAULT_MAX_COMPILED_DOCUMENTS, onExecute = () => undefined }: CompiledExecutionOptions = {},
): CompiledExecutor {
  if (!Number.isInteger(maxDocuments) || maxDocuments < 1) throw new Error('maxDocuments: a positive integer');
  // a Map keeps insertion order: a hit is moved to the end, the first key is the least recently used
  const cache = new Map<string, Compiled>();

  function compiledFor(key: string, document: DocumentNode, operationName: string | undefined): Compiled {
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    let compiled: Compiled = null;
    if (!literalsCarryMarkers(schema, document)) {
      const result = compileQuery(schema, document, operationName);
      if (isCompiledQuery(result)) compiled = result;
      // without the messages: they may quote the document's literals
      else logger.warn({ operation: operationName ?? null, errors: result.errors?.length ?? 0 }, 'graphql-jit could not compile an operation; graphql-js executes it');
    }
    cache.set(key, compiled);
    if (cache.size > maxDocuments) cache.delete(cache.keys().next().value as string);
    return compiled;
  }

  const run = async (request: CompiledExecutionRequest): Promise<ExecutionResult> => {
    const { document, operation, variables, contextValue, queryHash } = request;
    const operationName = request.operationName ?? undefined;
    const graphqlJs = () => {
      onExecute('graphql-js');
      return execute({ schema, document, contextValue, variableValues: variables, operationName });
    };
    if (!queryHash || operation?.operation !== 'query') return graphqlJs();
    const compiled = compiledFor(`${queryHash}\u0000${operationName ?? ''}`, document, operationName);
    if (!compiled) return graphqlJs();
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 }).errors) return graphqlJs();
    onExecute('compiled');
    const result = await compiled.query(undefined, contextValue, variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };
  return Object.assign(run, { cached: () => cache.size });
}

// graphql-jit (0.8) writes each field's literal arguments into the source of the function it compiles:
// JSON, in which a string "__MAGIC_DATE__<uuid><text>" is then replaced by the code `new Date(<text>)`
// (NaN and the infinities by markers of the same kind). A client's string literal carrying that marker
// would have its text run as code in the server. Such a document is never compiled: every string a
// literal holds (decoded, as an object field's name, or as a custom scalar's parsed value) is checked.
// That replacement (objectStringify, applied to the arguments' values only) is the one place 0.8.9
// turns data into code; JSON escaping cannot make the marker out of other characters, so a string
// without it cannot reach the replacement. The check is written against that version's code:
// package.json pins graphql-jit exactly, and an upgrade has to be read again (docs/SECURITY.md).
const JIT_MARKER = '__MAGIC_';

function carriesMarker(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(JIT_MARKER);
  if (Array.isArray(value)) return value.some(carriesMarker);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes(JIT_MARKER) || carriesMarker(v));
  return false;
}

function literalsCarryMarkers(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const check = (node: ValueNode) => {
    const type = typeInfo.getInputType();
    const named = type && getNamedType(type);
    const custom = named && isScalarType(named) && !isSpecifiedScalarType(named);
    if ((node.kind === Kind.STRING && node.value.includes(JIT_MARKER)) || (custom && carriesMarker(valueFromAST(node, type, {})))) {
      found = true;
      return BREAK;
    }
    return undefined;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue: check, IntValue: check, FloatValue: check, EnumValue: check, ListValue: check, ObjectValue: check,
      ObjectField(node) {
        if (!node.name.value.includes(JIT_MARKER)) return undefined;
        found = true;
        return BREAK;
      },
    }),
  );
  return found;
}

// graphql-jit's errors are GraphQLErrors without graphql-js's guarantees: `extensions` is undefined
// unless the original error had some (Apollo's error formatting then fails, and answers a bare
// INTERNAL_SERVER_ERROR without path or the SERVICE_UNAVAILABLE of src/common/errors.ts). Rebuilt as
// graphql-js's locatedError builds them: path, original error, its extensions, and the locations.
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  (rebuilt as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return rebuilt;
}

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

// Apollo Server 5 has no executor option: its gateway interface is the one place an executor is
// given to it. This "gateway" serves one fixed schema and executes with createCompiledExecutor;
// parsing, validation, every plugin hook, formatError and the HTTP answer stay Apollo's.
export function compiledExecutionGateway(schema: GraphQLSchema, options?: CompiledExecutionOptions): Gateway {
  const run = createCompiledExecutor(schema, options);
  return {
    async load() {
      return {
        executor: (ctx) =>
          run({
            document: ctx.document,
            operation: ctx.operation,
            operationName: ctx.request.operationName,
            variables: ctx.request.variables,
            contextValue: ctx.context,
            queryHash: ctx.queryHash,
          }),
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
