import { DataSource, EntityManager } from 'typeorm';

// SQLite (better-sqlite3) has one connection: two transactions at once fail with "cannot start a
// transaction within a transaction". Transactions on it are queued per DataSource; MySQL runs them
// side by side on pooled connections.
const queues = new WeakMap<DataSource, Promise<unknown>>();

function queued<T>(ds: DataSource, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(ds) ?? Promise.resolve();
  const result = previous.then(run);
  queues.set(ds, result.catch(() => undefined));
  return result;
}

// immediate (SQLite): BEGIN IMMEDIATE, the write lock before the first read, for a transaction that
// reads then writes while other processes may write the same file.
export function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>, { immediate = false } = {}): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(work);
  return queued(ds, () => (immediate ? immediateTransaction(ds, work) : ds.transaction(work)));
}

// A write of one statement, in autocommit (atomic by itself; no BEGIN and COMMIT around it). On SQLite
// it waits its turn behind the queued transactions: on the one connection it would otherwise run inside
// whichever transaction is open there, and be rolled back with it.
export function inAutocommit<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return work(ds.manager);
  return queued(ds, () => work(ds.manager));
}

async function immediateTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  try {
    await runner.query('BEGIN IMMEDIATE');
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (err) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await runner.release();
  }
}
