// The Apollo Gateway in front of the three department subgraphs. It composes the supergraph from the
// code (supergraph.ts) and forwards each client's Authorization and X-Access-Purpose headers to
// every subgraph it asks: the subgraphs authenticate, apply ACCESS_RULES and write the audit trail.
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { createFormatError, isPublicCode } from '../common/errors';
import { documentSizeLimit, LIMITS, limitsPlugin, validationRules } from '../common/limits';
import { logger } from '../common/logger';
import { districtInputsPlugin } from '../districts/district-inputs';
import { composeSupergraph } from './supergraph';
import { SubgraphName } from '../subgraph-split';

// What the gateway passes on, untouched: it does not decide who may read what.
export interface GatewayContext {
  authorization?: string;
  purpose?: string;
}

export const FORWARDED_HEADERS = { authorization: 'authorization', purpose: 'x-access-purpose' } as const;

class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(readonly subgraph: string, url: string) {
    super({ url });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.authorization) headers.set(FORWARDED_HEADERS.authorization, context.authorization);
    if (context.purpose) headers.set(FORWARDED_HEADERS.purpose, context.purpose);
  }

  // A subgraph that refused the whole request (no token: 401; no purpose, audit trail down: 4xx/5xx)
  // answered with GraphQL errors in the body: the first of them is the client's answer too.
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions.response as { body?: { errors?: GraphQLFormattedError[] } } | undefined)?.body;
    const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
    if (!first || !isPublicCode(first.extensions?.code)) return fallback;
    return new GraphQLError(first.message, { extensions: { code: first.extensions!.code, serviceName: this.subgraph } });
  }
}

export interface GatewayService {
  app: Express;
  apollo: ApolloServer<GatewayContext>;
  stop(): Promise<void>;
}

// A subgraph's errors were already formatted by that subgraph (src/common/errors.ts): their message,
// path and code pass on as the single service would give them (without the subgraph's name);
// anything else is the gateway's own and formatted as the single service formats errors.
function gatewayFormatError(production: boolean) {
  const own = createFormatError({ production });
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { serviceName, code, ...rest } = formatted.extensions ?? {};
    if (serviceName && isPublicCode(code)) {
      const { stacktrace: _drop, ...extensions } = rest;
      return { message: formatted.message, ...(formatted.locations && { locations: formatted.locations }), ...(formatted.path && { path: formatted.path }), extensions: { code, ...extensions } };
    }
    return own(formatted, error);
  };
}

const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

export async function createGatewayServer({ urls, production = false }: { urls: Record<SubgraphName, string>; production?: boolean }): Promise<GatewayService> {
  const { supergraphSdl } = await composeSupergraph(urls);
  const gateway = new ApolloGateway({ supergraphSdl, logger, buildService: ({ name, url }) => new DepartmentDataSource(name, url!) });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: gatewayFormatError(production),
    // the same query limits as the single service, on the same (API) schema
    validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    plugins: [limitsPlugin(), districtInputsPlugin(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  let ready = true;
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => void res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'stopping' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    documentSizeLimit,
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: firstHeader(req.headers[FORWARDED_HEADERS.authorization]),
        purpose: firstHeader(req.headers[FORWARDED_HEADERS.purpose]),
      }),
    }),
  );
  return {
    app,
    apollo,
    stop: async () => {
      ready = false;
      await apollo.stop();
    },
  };
}
