import { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getNullableType, GraphQLError, GraphQLSchema, isListType, ValidationContext } from 'graphql';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { domainError } from './errors';

// Query limits. Depth, aliases and directives come from graphql-armor's validation rules; the cost
// is graphql-query-complexity with a pagination-aware estimator (`first` multiplies its children).
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 4000,
  maxDocumentChars: 20000,
  maxCost: 50000,
  unpagedListFanout: 2, // assumed size of a list field without `first` (a person's records)
};

const tooComplex = (ctx: ValidationContext | null, err: GraphQLError) =>
  ctx?.reportError(new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'QUERY_TOO_COMPLEX' } }));
const armor = { propagateOnRejection: false, onReject: [tooComplex], exposeLimits: true };

export const validationRules = [
  maxDepthRule({ n: LIMITS.maxDepth, ...armor }),
  maxAliasesRule({ n: LIMITS.maxAliases, ...armor }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...armor }),
];

function paginationEstimator({ args, childComplexity, field, type }: ComplexityEstimatorArgs): number | void {
  // a connection's edges/nodes are the page itself: `first` on the connection already multiplied them
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  if (typeof args.first === 'number') return 1 + args.first * Math.max(childComplexity, 1);
  if (field.args.some((a) => a.name === 'first')) return 1 + 20 * Math.max(childComplexity, 1); // default page
  if (isListType(getNullableType(field.type))) return 1 + LIMITS.unpagedListFanout * childComplexity;
  return undefined;
}

export function costOf(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]['query'], variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [paginationEstimator, simpleEstimator({ defaultComplexity: 1 })] });
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

export function limitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request: req, operation }) {
          const cost = costOf(schema, document, req.variables, operation?.name?.value ?? req.operationName);
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
