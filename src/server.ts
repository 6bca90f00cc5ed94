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
import { authenticate, AuthConfig, createTokenVerifier, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET } from './policy/tokens';
import { readPurpose } from './policy/purpose';
import { Viewer } from './policy/viewer';
import { auditRefusal } from './audit/audit-refusals';
import { auditPlugin } from './audit/audit.plugin';
import { compiledExecutionGateway } from './common/compiled-execution';
import { corsMiddleware } from './common/cors';
import { createFormatError } from './common/errors';
import { withPositiveIds } from './common/ids';
import { documentSizeLimit, LIMITS, limitsPlugin, validationRules } from './common/limits';
import { noStore } from './common/response-guards';
import { serviceSdlGuard } from './policy/service-sdl-guard';
import { StatementCount } from './common/sql-counter';
import { buildContext, Context } from './core/context';
import { DistrictTree } from './core/district-tree';
import { districtInputsPlugin } from './districts/district-inputs';
import { createOps, Ops, OpsOptions } from './ops';
import { heavyQueryGate, HeavySlots } from './ops/heavy-queries';
import { DEFAULT_SUBJECT_LIMITS, RefusedRequestHook, SubjectLimitOptions, subjectLimits } from './ops/subject-limits';
import { mountExplorer } from './explorer/explorer.routes';
import { mountImportRoutes } from './ingest/import.routes';
import { linkSubject } from './reports/download-links';
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
  // per-subject quotas (src/ops/subject-limits.ts)
  subjectLimits?: SubjectLimitOptions;
  // AUDIT HOOK: every request a quota refused (HTTP 429), for the audit trail (src/audit)
  onRefused?: RefusedRequestHook;
  // origins whose browsers may call the service (CORS_ORIGINS); none by default
  corsOrigins?: readonly string[];
  // the self-hosted explorer at GET /graphql (src/explorer); default: on in development only
  explorer?: boolean;
  // queries run compiled (graphql-jit, src/common/compiled-execution.ts) instead of by graphql-js's
  // execute; COMPILED_EXECUTION, default on
  compiledExecution?: boolean;
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
export async function createServer({
  ds, production = false, auth = DEV_AUTH, ops: opsOptions, schema, subjectLimits: quotas = DEFAULT_SUBJECT_LIMITS, onRefused, corsOrigins = [], explorer = !production,
  compiledExecution = true,
}: ServerOptions): Promise<Service> {
  const tree = await DistrictTree.load(ds);
  const districtSizes = { districts: tree.all().length, maxChildren: Math.max(0, ...tree.all().map((d) => tree.children(d.code).length)) };
  const ops = createOps(ds, opsOptions);
  const verify = createTokenVerifier(auth, (code) => tree.get(code) !== undefined);
  // one subject's heavy operations and report exports, one at a time (src/ops/heavy-queries.ts)
  const heavySlots = new HeavySlots(quotas.maxHeavyInFlight ?? quotas.maxInFlight);
  // every ID argument and input field is parsed by src/common/ids.ts
  const apiSchema = withPositiveIds(schema ?? (await createSchema()));
  const apollo = new ApolloServer<Context>({
    // Apollo Server takes an executor of its own only from a gateway: this one serves apiSchema
    ...(compiledExecution
      ? { gateway: compiledExecutionGateway(apiSchema, { onExecute: (executor) => ops.metrics.executions.inc({ executor }) }) }
      : { schema: apiSchema }),
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
      limitsPlugin(districtSizes),
      // after limitsPlugin, whose cost it reads: one subject's heavy operations run one at a time
      heavyQueryGate(heavySlots),
      // every district code an operation passes is read by src/core/district-code.ts
      districtInputsPlugin(),
      ...(production ? [serviceSdlGuard()] : []),
      auditPlugin(ds),
      // with the compiled executor off, graphql-js executes every operation (counted as the executor counts them)
      ...(compiledExecution ? [] : [{ requestDidStart: async () => ({ executionDidStart: async () => void ops.metrics.executions.inc({ executor: 'graphql-js' }) }) }]),
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
  // answers may carry personal data: no cache keeps them
  app.use(noStore);
  // refused requests (quotas, tokens that do not verify) are audited too
  const auditRefused = onRefused ?? ((r) => auditRefusal(ds, { subject: r.subject, role: r.role, district: r.district, path: r.path, reason: `${r.code}:${r.reason}`, ip: undefined }));
  // a signed report link's downloads count against the quota of the subject who asked for it
  const linkIdentity = (req: express.Request) => linkSubject(req.path, req.originalUrl.split('?')[1] ?? '');
  app.use(subjectLimits(verify, quotas, auditRefused, linkIdentity));
  if (explorer) mountExplorer(app, { prefill: !production, auth });
  mountReportRoutes(app, { ds, tree, verify, heavySlots });
  mountImportRoutes(app, { ds, tree, verify });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    documentSizeLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // verified once by subjectLimits when a token was sent
        const identity =
          (res.locals.identity as Omit<Viewer, 'purpose'> | undefined) ??
          (await authenticate(verify, req.headers.authorization).catch((err: unknown) => {
            auditRefusal(ds, { subject: null, role: null, district: null, path: req.path, reason: req.headers.authorization ? 'UNAUTHENTICATED:INVALID_TOKEN' : 'UNAUTHENTICATED:NO_TOKEN', ip: req.ip });
            throw err;
          }));
        const viewer: Viewer = { ...identity, purpose: readPurpose(req.headers['x-access-purpose']) };
        return buildContext(ds, tree, viewer, res.locals.statements as StatementCount);
      },
    }),
  );
  app.use(ops.errors);
  return { app, apollo, tree, ops, stop: () => apollo.stop() };
}
