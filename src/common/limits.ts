import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  ArgumentNode, DirectiveNode, DocumentNode, getNullableType, GraphQLError, GraphQLSchema, isListType, Kind, OperationDefinitionNode, ValidationContext, visit,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { domainError } from './errors';
import { perOperation } from './per-operation';

// Query limits. Depth, aliases and directives come from graphql-armor's validation rules; the cost
// is graphql-query-complexity with a pagination-aware estimator (`first` multiplies its children).
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 4000,
  maxDocumentChars: 20000,
  maxCost: 50000,
  // assumed size of a list field without `first` and without a bound in LIST_BOUNDS (a person's
  // records of one kind: the calibrated data has 1-2, the busiest persons a handful)
  unpagedListFanout: 2,
};

// How many districts the tree holds and the most children one district has: the real bounds of the
// unpaged district lists. Ningxia's defaults (1 province, 5 cities, 22 counties); the service passes
// the figures of the tree it loaded.
export interface DistrictSizes {
  districts: number;
  maxChildren: number;
}
export const NINGXIA_DISTRICT_SIZES: DistrictSizes = { districts: 28, maxChildren: 22 };

// The one declared place for list sizes: the most elements each unpaged list field can return,
// keyed by Type.field. A list field not named here (and without `first`) is priced at unpagedListFanout.
export function listBounds(sizes: DistrictSizes = NINGXIA_DISTRICT_SIZES): Record<string, number> {
  const perPerson = LIMITS.unpagedListFanout;
  return {
    'Query.districts': sizes.districts,
    'District.children': sizes.maxChildren,
    // a joint report has a row per district
    'JointReport.rows': sizes.districts,
    // the timeline merges five record lists of the person and the follow-up checks of each programme
    'Person.timeline': 5 * perPerson + perPerson * perPerson,
  };
}

const tooComplex = (ctx: ValidationContext | null, err: GraphQLError) =>
  ctx?.reportError(new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'QUERY_TOO_COMPLEX' } }));
const armor = { propagateOnRejection: false, onReject: [tooComplex], exposeLimits: true };

export const validationRules = [
  maxDepthRule({ n: LIMITS.maxDepth, ...armor }),
  maxAliasesRule({ n: LIMITS.maxAliases, ...armor }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...armor }),
];

function paginationEstimator(bounds: Record<string, number>) {
  return ({ args, childComplexity, field, type }: ComplexityEstimatorArgs): number | void => {
    // a connection's edges/nodes are the page itself: `first` on the connection already multiplied them
    if (type.name.endsWith('Connection')) return 1 + childComplexity;
    if (typeof args.first === 'number') return 1 + args.first * Math.max(childComplexity, 1);
    if (field.args.some((a) => a.name === 'first')) return 1 + 20 * Math.max(childComplexity, 1); // default page
    if (isListType(getNullableType(field.type))) return 1 + (bounds[`${type.name}.${field.name}`] ?? LIMITS.unpagedListFanout) * Math.max(childComplexity, 1);
    return undefined;
  };
}

export function costOf(
  schema: GraphQLSchema,
  document: Parameters<typeof getComplexity>[0]['query'],
  variables?: Record<string, unknown>,
  operationName?: string,
  bounds: Record<string, number> = listBounds(),
): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [paginationEstimator(bounds), simpleEstimator({ defaultComplexity: 1 })] });
}

// Variables are coerced before the cost is computed: a value of the wrong type is the client's error
// (400 BAD_USER_INPUT), never an uncoded failure of the cost estimate.
function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): void {
  if (!operation) return;
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  const first = errors?.[0];
  if (first) throw domainError('BAD_USER_INPUT', first.message, { http: { status: 400 } });
}

// Express middleware in front of Apollo: an oversized document is refused before it is parsed.
export function documentSizeLimit(req: Request, res: Response, next: NextFunction): void {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && query.length > LIMITS.maxDocumentChars) {
    res.status(400).json({ errors: [{ message: `The document is longer than ${LIMITS.maxDocumentChars} characters`, extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
    return;
  }
  next();
}

// The cost of each request's operation, for the plugins after this one (src/ops/heavy-queries.ts).
const costs = new WeakMap<object, number>();
export const operationCost = (request: object): number | undefined => costs.get(request);

// The variables an operation's cost can depend on: those passed to a `first` argument (it multiplies
// what it selects) and to a directive (@include/@skip decide what is selected). Any other variable
// (an id, a filter) leaves the cost as it is; so the cost is kept per operation and per values of
// these alone, and a front end opening person after person prices its operation once.
function costVariables(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const names = new Set<string>();
  const collect = (node: ArgumentNode | DirectiveNode) =>
    visit(node, { Variable(v) { names.add(v.name.value); } });
  const definitions = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  for (const definition of definitions) {
    visit(definition, {
      Argument(arg) {
        if (arg.name.value === 'first') collect(arg);
      },
      Directive(directive) {
        collect(directive);
        return false;
      },
    });
  }
  return [...names];
}

const COSTS_KEPT_PER_OPERATION = 64;

export function limitsPlugin(sizes: DistrictSizes = NINGXIA_DISTRICT_SIZES): ApolloServerPlugin {
  const bounds = listBounds(sizes);
  const pricing = perOperation((_schema, document, operation) => ({ variables: costVariables(document, operation), costs: new Map<string, number>() }));
  const price = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined, name: string | undefined) => {
    if (!operation) return costOf(schema, document, variables, name, bounds);
    const known = pricing(schema, document, operation);
    const key = JSON.stringify(known.variables.map((v) => (variables && v in variables ? variables[v] : '\u0000absent')));
    let cost = known.costs.get(key);
    if (cost === undefined) {
      cost = costOf(schema, document, variables, name, bounds);
      if (known.costs.size >= COSTS_KEPT_PER_OPERATION) known.costs.clear();
      known.costs.set(key, cost);
    }
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request: req, operation }) {
          checkVariables(schema, operation, req.variables);
          let cost: number;
          try {
            cost = price(schema, document, operation, req.variables, operation?.name?.value ?? req.operationName);
          } catch (err) {
            // whatever the estimate cannot price is an operation the client got wrong
            throw domainError('BAD_USER_INPUT', err instanceof GraphQLError ? err.message : 'The operation could not be priced', { http: { status: 400 } });
          }
          costs.set(req, cost);
          if (cost > LIMITS.maxCost) {
            throw domainError('QUERY_TOO_COMPLEX', `Query cost ${cost} exceeds the limit of ${LIMITS.maxCost} (first: N multiplies the cost of what it selects)`, {
              cost, limit: LIMITS.maxCost, http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
