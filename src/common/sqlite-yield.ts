import { DataSource, QueryRunner } from 'typeorm';

// better-sqlite3 answers synchronously, so a request on SQLite runs as one unbroken chain of promise
// jobs: a heavy one held the event loop for seconds, and no other request (nor the per-user quotas)
// got a turn. Before a statement, once the loop has been held for SLICE_MS, the runner yields to it
// (setImmediate: timers and I/O run, other requests advance). Measured in test/bench/quota-load.js.
const SLICE_MS = 10;
const YIELDING = Symbol('yieldsBetweenStatements');

export function yieldBetweenStatements(ds: DataSource): void {
  if (ds.options.type !== 'better-sqlite3') return;
  const driver = ds.driver as unknown as { createQueryRunner(mode?: string): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  let heldSince = performance.now();
  driver.createQueryRunner = (mode?: string) => {
    const runner = create(mode) as QueryRunner & { [YIELDING]?: boolean };
    if (runner[YIELDING]) return runner;
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as { query: unknown }).query = async (...args: unknown[]) => {
      if (performance.now() - heldSince >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        heldSince = performance.now();
      }
      return query(...args);
    };
    runner[YIELDING] = true;
    return runner;
  };
}
