import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

// Counts the SQL statements an operation issues. Each request (or test) runs inside `track()`; the
// TypeORM logger adds to the counter of whichever async context issued the statement, so DataLoader
// batches dispatched later in the same request are counted too.
export class StatementCount {
  statements = 0;
  readonly log: string[] = [];
  constructor(readonly keepLog = false) {}
}

const current = new AsyncLocalStorage<StatementCount>();

export function trackStatements<T>(counter: StatementCount, fn: () => T): T {
  return current.run(counter, fn);
}

export class CountingLogger extends AbstractLogger {
  constructor() {
    super(false);
  }

  logQuery(query: string): void {
    const counter = current.getStore();
    if (!counter) return;
    counter.statements += 1;
    if (counter.keepLog) counter.log.push(query);
  }

  // Errors and slow queries are reported by the service's own logger, never with parameters.
  protected writeLog(_level: LogLevel, _message: LogMessage | string | number | (LogMessage | string | number)[], _queryRunner?: QueryRunner): void {}
}
