import { DataSource } from 'typeorm';
import { isUnavailable } from '../common/errors';
import { logger } from '../common/logger';

// mysql2's pool keeps its bookkeeping in these (undocumented but stable) fields.
interface Mysql2Pool {
  _allConnections: { length: number; get(i: number): Mysql2Connection };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
  config: { connectionLimit: number; queueLimit: number };
  on(event: 'connection', listener: (conn: Mysql2Connection) => void): void;
  query(sql: string, cb: (err: Error | null) => void): void;
}
interface Mysql2Connection {
  query(sql: string, cb: (err: Error | null) => void): void;
}

interface Mysql2PoolCluster {
  _nodes: Record<string, { id: string; pool: Mysql2Pool }>;
}

// The one pool, or with read replicas one per server (TypeORM's pool cluster: MASTER, SLAVE0, ...).
export function mysqlPools(ds: DataSource): Array<{ id: string; pool: Mysql2Pool }> {
  if (ds.options.type !== 'mysql' && ds.options.type !== 'mariadb') return [];
  const driver = ds.driver as unknown as { pool?: Mysql2Pool; poolCluster?: Mysql2PoolCluster };
  if (driver.poolCluster) return Object.values(driver.poolCluster._nodes).map(({ id, pool }) => ({ id, pool }));
  return driver.pool ? [{ id: 'MASTER', pool: driver.pool }] : [];
}

export interface PoolStats {
  inUse: number;
  waiting: number;
  open: number;
  max: number;
  // statements that may wait for a connection (0: no limit)
  queueLimit: number;
}

function statsOf(pool: Mysql2Pool): PoolStats {
  const open = pool._allConnections.length;
  const { connectionLimit: max, queueLimit } = pool.config;
  return { inUse: open - pool._freeConnections.length, waiting: pool._connectionQueue.length, open, max, queueLimit };
}

// SQLite has one connection, always "in use" by the process. With read replicas: the sums over the
// primary's and the replicas' pools (queueLimit is per pool).
export function poolStats(ds: DataSource): PoolStats {
  if (ds.options.type === 'better-sqlite3') return { inUse: ds.isInitialized ? 1 : 0, waiting: 0, open: ds.isInitialized ? 1 : 0, max: 1, queueLimit: 0 };
  const pools = mysqlPools(ds).map(({ pool }) => statsOf(pool));
  if (!ds.isInitialized || !pools.length) return { inUse: 0, waiting: 0, open: 0, max: Number(ds.options.poolSize ?? 0), queueLimit: 0 };
  const sum = (f: (p: PoolStats) => number) => pools.reduce((n, p) => n + f(p), 0);
  return { inUse: sum((p) => p.inUse), waiting: sum((p) => p.waiting), open: sum((p) => p.open), max: sum((p) => p.max), queueLimit: pools[0].queueLimit };
}

// A pool's wait queue is full: any statement there now would fail at once with "Queue limit reached.",
// so a new request is better refused before it costs anything (token check, parsing, validation).
export function poolSaturated(ds: DataSource): boolean {
  if (!ds.isInitialized) return false;
  return mysqlPools(ds).some(({ pool }) => {
    const { waiting, queueLimit } = statsOf(pool);
    return queueLimit > 0 && waiting >= queueLimit;
  });
}

// Every statement of the service gets a time limit, set per session on each pooled connection (those
// open now and those the pool opens later): MySQL's max_execution_time (ms; SELECT only) or MariaDB's
// max_statement_time (seconds; every statement). SQLite has its busy timeout (ormconfig.ts).
export function limitStatementTime(ds: DataSource, ms: number): void {
  const pools = mysqlPools(ds);
  if (!pools.length) return;
  const sql = ds.options.type === 'mariadb' ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${Math.round(ms)}`;
  let warned = false;
  const apply = (conn: Mysql2Connection) =>
    // queued on the connection before any statement of whoever acquired it
    conn.query(sql, (err) => {
      if (err && !warned) {
        warned = true;
        logger.warn({ code: (err as { code?: string }).code }, 'could not set the statement time limit on a database connection');
      }
    });
  for (const { pool } of pools) {
    pool.on('connection', apply);
    for (let i = 0; i < pool._allConnections.length; i++) apply(pool._allConnections.get(i));
  }
}

// At start-up the database may not be there yet (docker compose starts both at once): retry while the
// failure says "unreachable", with exponential backoff, for at most `timeoutMs`. Other failures
// (wrong password, unknown database) end the start at once.
export async function waitForDatabase<T>(open: () => Promise<T>, timeoutMs: number, firstDelayMs = 250, maxDelayMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (err) {
      if (!isUnavailable(err) || Date.now() + delay > deadline) throw err;
      logger.warn({ attempt, retryInMs: delay, code: (err as { code?: string }).code }, 'database not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

// How many read replicas answer `SELECT 1` within `timeoutMs` (asked side by side), of how many.
export async function pingReplicas(ds: DataSource, timeoutMs: number): Promise<{ answering: number; total: number }> {
  const replicas = mysqlPools(ds).filter(({ id }) => id.startsWith('SLAVE'));
  const answers = await Promise.all(
    replicas.map(
      ({ pool }) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), timeoutMs);
          pool.query('SELECT 1', (err) => {
            clearTimeout(timer);
            resolve(!err);
          });
        }),
    ),
  );
  return { answering: answers.filter(Boolean).length, total: replicas.length };
}
