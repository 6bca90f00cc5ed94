import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import express, { Express } from 'express';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { authenticate, AuthConfig, createTokenVerifier, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET } from './common/auth/tokens';
import { readPurpose } from './common/auth/purpose';
import { Viewer } from './common/auth/viewer';
import { auditPlugin } from './audit/audit.plugin';
import { corsMiddleware } from './common/cors';
import { createFormatError } from './common/errors';
import { documentSizeLimit, LIMITS, limitsPlugin, validationRules } from './common/limits';
import { StatementCount } from './common/sql-counter';
import { buildContext, Context } from './context';
import { DistrictTree } from './districts/district-tree';
import { createOps, Ops, OpsOptions } from './ops';
import { mountExplorer } from './explorer/explorer.routes';
import { mountImportRoutes } from './ingest/import.routes';
import { mountReportRoutes } from './reports/routes';
import { createSchema } from './schema';

export interface ServerOptions {
  ds: DataSource;
  production?: boolean;
  auth?: AuthConfig;
  // health checks, metrics, request logs and time limit (src/ops)
  ops?: OpsOptions;
  // another schema than the single one (a department subgraph, src/federation)
  schema?: GraphQLSchema;
  // origins whose browsers may call the service (CORS_ORIGINS); none by default
  corsOrigins?: readonly string[];
  // the self-hosted explorer at GET /graphql (src/explorer); default: on in development only
  explorer?: boolean;
}

const DEV_AUTH: AuthConfig = { jwtSecret: DEV_JWT_SECRET, jwksUrl: null, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE };

export interface Service {
  app: Express;
  apollo: ApolloServer<Context>;
  tree: DistrictTree;
  ops: Ops;
  stop(): Promise<void>;
}

// Schema + Apollo + HTTP routes; used by src/index.ts and by the tests.
export async function createServer({ ds, production = false, auth = DEV_AUTH, ops: opsOptions, schema, corsOrigins = [], explorer = !production }: ServerOptions): Promise<Service> {
  const tree = await DistrictTree.load(ds);
  const ops = createOps(ds, opsOptions);
  const verify = createTokenVerifier(auth);
  const apollo = new ApolloServer<Context>({
    schema: schema ?? (await createSchema()),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // src/index.ts handles SIGTERM/SIGINT (drain, then close the database); Apollo's own handler would
    // stop it early and re-raise the signal
    stopOnTerminationSignals: false,
    formatError: createFormatError({ production }),
    validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    plugins: [
      ops.plugin,
      // Apollo's landing page loads Sandbox from a CDN: the explorer is served by src/explorer instead
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(),
      auditPlugin(ds),
      // no cache hints are used; Apollo's default cache-control plugin would instrument every field
      // resolver of every request (willResolveField) for nothing
      ApolloServerPluginCacheControlDisabled(),
      // a federation subgraph (src/federation) would otherwise trace every field for whoever asks
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(corsMiddleware(corsOrigins));
  // /healthz, /readyz, /metrics: open, untracked; then every request gets an id, a statement counter
  // (res.locals.statements), a time limit and a log line
  app.use(ops.routes);
  app.use(ops.track);
  if (explorer) mountExplorer(app, { prefill: !production, auth });
  mountReportRoutes(app, { ds, tree, verify });
  mountImportRoutes(app, { ds, tree, verify });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    documentSizeLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const identity = await authenticate(verify, req.headers.authorization);
        const viewer: Viewer = { ...identity, purpose: readPurpose(req.headers['x-access-purpose']) };
        return buildContext(ds, tree, viewer, res.locals.statements as StatementCount);
      },
    }),
  );
  app.use(ops.errors);
  return { app, apollo, tree, ops, stop: () => apollo.stop() };
}
