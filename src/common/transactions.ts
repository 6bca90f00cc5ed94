import { DataSource, EntityManager } from 'typeorm';

// SQLite (better-sqlite3) has one connection: two transactions at once fail with "cannot start a
// transaction within a transaction". Transactions on it are queued per DataSource; MySQL runs them
// side by side on pooled connections.
const queues = new WeakMap<DataSource, Promise<unknown>>();

export function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(work);
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.then(() => ds.transaction(work));
  queues.set(ds, run.catch(() => undefined));
  return run;
}
