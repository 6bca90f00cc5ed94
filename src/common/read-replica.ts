import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { isConnectionFailure } from './errors';
import { logger } from './logger';

// Read/write splitting (docs/READ-REPLICAS.md). With DATABASE_REPLICA_URLS set, TypeORM keeps one pool
// per server; everything runs on the primary unless it asks for a replica through the two functions
// below. Plain reads (indicators, relation loaders, lists, reports) ask; writes, imports, the audit
// trail and reads that must see the latest write (the audit chain head, a mutation's own result)
// never do. Without replicas both functions are the ordinary primary reads.

interface ReadRouting {
  primaryOnly: boolean;
}

const routing = new AsyncLocalStorage<ReadRouting>();

// One scope per request: reads go to a replica until the request says otherwise.
export function withReadRouting<T>(fn: () => T): T {
  return routing.run({ primaryOnly: false }, fn);
}

// From now on this request reads from the primary: a mutation reads back what it wrote, and a replica
// that lags must not answer for it.
export function readFromPrimaryFromNowOn(): void {
  const scope = routing.getStore();
  if (scope) scope.primaryOnly = true;
}

export function hasReplicas(ds: DataSource): boolean {
  return (ds.driver as { isReplicated?: boolean } | undefined)?.isReplicated === true; // the benchmark baselines pass an object with only query()
}

// A replica that could not be reached is left alone for this long; reads go to the primary meanwhile.
export const REPLICA_RETRY_AFTER_MS = 2_000;
const replicasDownUntil = new WeakMap<DataSource, number>();

// Outside a request scope (CLIs, background work) everything reads from the primary.
function useReplica(ds: DataSource): boolean {
  const scope = routing.getStore();
  return hasReplicas(ds) && scope !== undefined && !scope.primaryOnly && Date.now() >= (replicasDownUntil.get(ds) ?? 0);
}

// Not reaching a replica is no reason to fail a read: the primary answers it. Only the connection
// failing counts: a statement that ran out of time, waited for a lock or found the pool's queue full
// fails as it would on the primary (moving the heaviest reads or an overload onto the primary would
// spread the trouble; they answer SERVICE_UNAVAILABLE instead).
function replicaUnreachable(ds: DataSource, err: unknown): boolean {
  const unreachable = isConnectionFailure(err);
  if (unreachable) replicasDownUntil.set(ds, Date.now() + REPLICA_RETRY_AFTER_MS);
  return unreachable;
}

let lastWarning = 0;
function warnFallback(err: unknown): void {
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  logger.warn({ code: (err as { code?: string })?.code }, 'no read replica reachable; reading from the primary');
}

// Runs `work` with an entity manager bound to one replica connection (query builders and repositories
// of that manager read there), released afterwards.
export async function onReplica<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (!useReplica(ds)) return work(ds.manager);
  const runner = ds.createQueryRunner('slave');
  try {
    await runner.connect();
  } catch (err) {
    await runner.release();
    if (!replicaUnreachable(ds, err)) throw err;
    warnFallback(err);
    return work(ds.manager);
  }
  try {
    return await work(runner.manager);
  } catch (err) {
    // the replica went away mid-read (e.g. a pooled connection it closed): reads may be repeated
    if (!replicaUnreachable(ds, err)) throw err;
    warnFallback(err);
    return work(ds.manager);
  } finally {
    await runner.release();
  }
}

// ds.query(sql, params) on a replica (DataSource.query itself always runs on the primary).
export function readQuery<T = any>(ds: DataSource, sql: string, params?: unknown[]): Promise<T> {
  if (!useReplica(ds)) return ds.query(sql, params);
  return onReplica(ds, (em) => em.query(sql, params));
}
