import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import express, { Express } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatError } from './common/errors';
import { logger } from './common/logger';
import { StatementCount, trackStatements } from './common/sql-counter';
import { buildContext, Context } from './context';
import { DistrictTree } from './districts/district-tree';
import { createSchema } from './schema';

export interface ServerOptions {
  ds: DataSource;
  production?: boolean;
}

export interface Service {
  app: Express;
  apollo: ApolloServer<Context>;
  tree: DistrictTree;
  stop(): Promise<void>;
}

// Schema + Apollo + HTTP routes; used by src/index.ts and by the tests.
export async function createServer({ ds, production = false }: ServerOptions): Promise<Service> {
  const tree = await DistrictTree.load(ds);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true })],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      // every statement issued while answering this request is counted and logged with it
      const statements = new StatementCount();
      const started = process.hrtime.bigint();
      const requestId = String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
      res.setHeader('x-request-id', requestId);
      res.on('finish', () => {
        if (req.method !== 'POST') return;
        logger.info({
          requestId,
          operation: typeof req.body?.operationName === 'string' ? req.body.operationName.slice(0, 100) : null,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          statements: statements.statements,
        }, 'graphql request');
      });
      res.locals.statements = statements;
      trackStatements(statements, next);
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => buildContext(ds, tree, res.locals.statements as StatementCount),
    }),
  );
  return { app, apollo, tree, stop: () => apollo.stop() };
}
