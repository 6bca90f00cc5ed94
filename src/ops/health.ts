import { Router } from 'express';
import { DataSource } from 'typeorm';
import { logger } from '../common/logger';
import { pingReplicas } from './database';
import { Lifecycle } from './lifecycle';

export const READINESS_TIMEOUT_MS = 1000;

// True when the database answers `SELECT 1` within `timeoutMs`.
export async function pingDatabase(ds: DataSource, timeoutMs = READINESS_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([ds.query('SELECT 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// /healthz: the process is alive and serving HTTP. /readyz: it can answer queries now (the database
// answers within 1 s) and is not shutting down; with read replicas it also says how many answer.
// Both are open without a token and never cached.
export function healthRoutes(ds: DataSource, lifecycle: Lifecycle): Router {
  const router = Router();
  // probes arriving together share one database round trip
  let probe: Promise<[boolean, { answering: number; total: number }]> | null = null;
  let lastReady: boolean | null = null;

  router.get('/healthz', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (lifecycle.shuttingDown) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    probe ??= Promise.all([pingDatabase(ds), pingReplicas(ds, READINESS_TIMEOUT_MS)]).finally(() => {
      probe = null;
    });
    // ready when the primary answers: reads fall back to it when no replica does
    const [ready, replicas] = await probe;
    if (ready !== lastReady) {
      if (lastReady !== null) logger[ready ? 'info' : 'warn']({ ready }, ready ? 'database answers again: ready' : 'database does not answer: not ready');
      lastReady = ready;
    }
    const body = { status: ready ? 'ready' : 'unavailable', ...(replicas.total ? { replicas } : {}) };
    res.status(ready ? 200 : 503).json(body);
  });
  return router;
}
