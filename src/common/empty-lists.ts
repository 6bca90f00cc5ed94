import { DataSource } from 'typeorm';

type Escape = (sql: string, parameters: Record<string, unknown>, nativeParameters: Record<string, unknown>) => [string, unknown[]];

const GUARDED = Symbol('emptyListsGuarded');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `x IN (:...list)` with an empty list is a syntax error in SQL (MariaDB: "IN ()"). Every query built
// with TypeORM passes the driver's parameter expansion; there an empty list becomes an empty subquery,
// which means what was asked: `IN` nothing is false, `NOT IN` nothing is true (SQLite, MariaDB and
// MySQL alike). No statement reaches the database with `IN ()`.
const EMPTY_SET = '(SELECT 1 WHERE 1 = 0)';

export function rewriteEmptyLists(sql: string, parameters: Record<string, unknown>): string {
  let out = sql;
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (Array.isArray(value) && !value.length) out = out.replace(new RegExp(`\\bIN\\s*\\(\\s*:\\.\\.\\.${escapeRegExp(key)}\\s*\\)`, 'gi'), `IN ${EMPTY_SET}`);
  }
  return out;
}

// Installed on the data source's driver once (src/database.ts).
export function guardEmptyLists(ds: DataSource): void {
  const driver = ds.driver as unknown as { escapeQueryWithParameters: Escape; [GUARDED]?: boolean };
  if (driver[GUARDED]) return;
  const original = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters, nativeParameters) => original(rewriteEmptyLists(sql, parameters), parameters, nativeParameters);
  driver[GUARDED] = true;
}
