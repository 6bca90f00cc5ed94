// Bootstrap only: config -> data source (waiting for it) -> migrations -> (demo data) -> limits -> server
// -> listen; signals.
import 'reflect-metadata';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { ConfigError, isLoopback, loadConfig } from './config';
import { DEV_JWT_SECRET } from './policy/tokens';
import { logger } from './common/logger';
import type { Service } from './server';

// The demo data reproduces the 2022 figures of the Ningxia anti-drug office's article.
const DEMO_DATASET = 'ningxia-2022';

// What exists so far, for a signal that arrives at any point of the start.
const running: { ds?: DataSource; service?: Service; server?: Server } = {};
let stopping = false;

async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.ops.logLevel;
  const { checkpointHead, configureAudit } = await import('./audit/audit-setup');
  configureAudit(config.audit);
  // Loaded only once the configuration is known to be valid (ormconfig.ts reads DATABASE_URL when loaded).
  const { openDataSource } = await import('./database');
  const { limitStatementTime, waitForDatabase } = await import('./ops/database');
  const { Person } = await import('./core/person.entity');
  const { seedCalibrated } = await import('./seed/calibrated');
  const { createServer } = await import('./server');
  const { ops } = config;
  process.once('SIGTERM', () => void shutdown('SIGTERM', ops.shutdownTimeoutMs));
  process.once('SIGINT', () => void shutdown('SIGINT', ops.shutdownTimeoutMs));

  const pool = { size: ops.dbPoolSize, queueLimit: ops.dbQueueLimit };
  const ds = await waitForDatabase(() => openDataSource(config.database, undefined, pool), ops.dbStartupTimeoutMs);
  running.ds = ds;
  if (stopping) return;
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');

  // The embedded database is for trying the service out: an empty one gets the synthetic demo data
  // (from the single service, or the public-security subgraph: docs/FEDERATION.md).
  const seeds = config.subgraph === null || config.subgraph === 'public-security';
  if (seeds && config.database.kind === 'sqlite' && !config.production && (await ds.getRepository(Person).count()) === 0) {
    const started = Date.now();
    logger.info({ dataset: DEMO_DATASET }, 'seeding the calibrated demo data into the empty embedded database (about half a minute: the rows, then the indicator summary)');
    const counts = await seedCalibrated(ds, DEMO_DATASET);
    logger.info({ rows: counts, ms: Date.now() - started }, 'demo data seeded');
  }
  await checkpointHead(ds);
  // after migrations and seeding, which may legitimately take longer than one request's statement
  limitStatementTime(ds, ops.dbStatementTimeoutMs);

  // SUBGRAPH: one department's Apollo Federation subgraph (src/federation) instead of the single schema
  const schema = config.subgraph ? await (await import('./subgraph-schema')).buildDepartmentSubgraph(config.subgraph) : undefined;
  const service = await createServer({
    ds,
    schema,
    production: config.production,
    auth: config.auth,
    ops: { requestTimeoutMs: ops.requestTimeoutMs, nodeMetrics: true, metricsToken: ops.metricsToken },
    subjectLimits: { maxInFlight: ops.subjectMaxInFlight, ratePerMinute: ops.subjectRatePerMinute, burst: ops.subjectBurst, maxHeavyInFlight: ops.subjectMaxHeavyInFlight },
    corsOrigins: config.corsOrigins,
    explorer: config.explorer,
    compiledExecution: config.compiledExecution,
  });
  running.service = service;
  if (stopping) return;
  const { host, port } = config;
  if (!isLoopback(host) && !config.auth.jwksUrl && config.auth.jwtSecret === DEV_JWT_SECRET) {
    // anyone who has read the source can sign an ADMIN token for this service
    logger.warn({ host }, `WARNING: listening on ${host}, not only on this machine, with the PUBLIC DEVELOPMENT SECRET: anyone who can reach it can sign tokens. Set AUTH_JWT_SECRET, or HOST=127.0.0.1`);
    process.stderr.write(`\n*** WARNING: jindu-graph listens on ${host} with the public development token secret. Set AUTH_JWT_SECRET or HOST=127.0.0.1. ***\n\n`);
  }
  const server = service.app.listen(port, host, () => {
    const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    logger.info({ host, port, database: config.database.kind, subgraph: config.subgraph ?? undefined }, `jindu-graph listening on http://${shown}:${port}/graphql`);
  });
  server.on('error', (err) => fail(err));
  running.server = server;
}

// Readiness goes 503, the listener stops accepting, requests in flight finish (up to
// SHUTDOWN_TIMEOUT_MS), then the database closes: exit 0, or 1 when requests had to be cut off.
async function shutdown(signal: string, timeoutMs: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const { ds, service, server } = running;
  service?.ops.lifecycle.beginShutdown();
  const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
  server?.closeIdleConnections();
  logger.info({ signal, inFlight: service?.ops.lifecycle.inFlight.size ?? 0 }, 'shutting down: not ready, not accepting, draining');
  const drained = service ? await service.ops.lifecycle.drain(timeoutMs) : true;
  if (!drained) logger.warn({ inFlight: service?.ops.lifecycle.inFlight.size }, 'shutdown timeout: cutting off requests still in flight');
  // answered requests' keep-alive connections, and whatever is left after the timeout
  server?.closeAllConnections();
  await closed;
  try {
    await service?.stop();
    if (ds?.isInitialized) {
      await (await import('./audit/audit-setup')).checkpointHead(ds).catch(() => undefined);
      await ds.destroy();
    }
  } catch (err) {
    logger.error({ errorType: (err as Error)?.constructor?.name }, 'error while closing');
    process.exit(1);
  }
  logger.info({ signal, drained }, 'stopped');
  process.exit(drained ? 0 : 1);
}

// One clear line; configuration errors name the variable, other errors only their kind and message.
function fail(err: unknown): never {
  const e = err as (Error & { code?: string }) | undefined;
  const message = err instanceof ConfigError ? err.message : `start-up failed: ${e?.message || e?.code || e?.name || String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// A programming error that escaped every handler: one structured line for the operators, then exit 1
// (the orchestrator restarts the process).
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    const e = err as Error | undefined;
    logger.fatal({ event, errorType: e?.constructor?.name, message: e?.message, stack: e?.stack }, 'unexpected error; exiting');
    process.exit(1);
  });
}

main().catch(fail);
