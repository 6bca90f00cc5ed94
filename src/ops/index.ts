import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorRequestHandler, RequestHandler, Router } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { opsPlugin } from './apollo-plugin';
import { poolSaturated } from './database';
import { healthRoutes } from './health';
import { Lifecycle } from './lifecycle';
import { createMetrics, Metrics } from './metrics';
import { errorHandler, requestTracking } from './request-tracking';

export { Lifecycle } from './lifecycle';

export interface OpsOptions {
  // each request is answered within this time, with SERVICE_UNAVAILABLE if need be (REQUEST_TIMEOUT_MS)
  requestTimeoutMs?: number;
  // Node's default process metrics (CPU, memory, event loop, GC); off for services built inside tests
  nodeMetrics?: boolean;
  // METRICS_TOKEN: /metrics answers only `Authorization: Bearer <token>` (null: open, as /healthz)
  metricsToken?: string | null;
}

// Operations of one service instance: health checks, metrics, request logs and limits, shutdown state.
export interface Ops {
  lifecycle: Lifecycle;
  metrics: Metrics;
  // GET /healthz, /readyz, /metrics: mount before everything else (no token, not tracked)
  routes: Router;
  // request id, statement counter, time limit, log line and metrics of every other request
  track: RequestHandler;
  plugin: ApolloServerPlugin<BaseContext>;
  // mount after every route: errors no route handled, in the GraphQL error shape, without stack
  errors: ErrorRequestHandler;
}

// compared in constant time, whatever the lengths
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export function createOps(ds: DataSource, options: OpsOptions = {}): Ops {
  const lifecycle = new Lifecycle();
  const metrics = createMetrics(ds, { nodeMetrics: options.nodeMetrics });
  const routes = healthRoutes(ds, lifecycle);
  routes.get('/metrics', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (options.metricsToken && !sameSecret(req.headers.authorization ?? '', `Bearer ${options.metricsToken}`)) {
      res.setHeader('www-authenticate', 'Bearer');
      res.status(401).json({ errors: [{ message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.setHeader('content-type', metrics.registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  const track = requestTracking({
    metrics,
    lifecycle,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    saturated: () => poolSaturated(ds),
  });
  return { lifecycle, metrics, routes, track, plugin: opsPlugin(), errors: errorHandler() };
}
