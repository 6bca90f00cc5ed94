// The few SQL shapes the ingestion needs, for SQLite and MySQL/MariaDB: multi-row upserts keyed by a
// unique column, and IN lists. Values are always bound, never spliced into the text.
import { DataSource, EntityManager } from 'typeorm';

// SQLite allows 32,766 bound parameters per statement; stay under it everywhere.
export const MAX_PARAMETERS = 30_000;

export class Sql {
  readonly mysql: boolean;
  constructor(readonly ds: DataSource) {
    this.mysql = ds.options.type !== 'better-sqlite3';
  }

  q(name: string): string {
    return this.ds.driver.escape(name);
  }

  get now(): string {
    return this.mysql ? 'CURRENT_TIMESTAMP(6)' : "datetime('now')";
  }

  // Source keys and ID numbers compare case-insensitively under MySQL's utf8mb4_unicode_ci collation
  // (source keys are printable ASCII, so lower-casing is that collation exactly); SQLite compares bytes.
  fold(key: string): string {
    return this.mysql ? key.toLowerCase() : key;
  }

  // INSERT ... ON CONFLICT/ON DUPLICATE KEY: `update` columns take the new values, `extra` are further
  // SET clauses (raw SQL); with neither, existing rows are left alone.
  async upsert(em: EntityManager, table: string, columns: string[], rows: unknown[][], conflict: string[], update: string[], extra: string[] = []): Promise<void> {
    if (!rows.length) return;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${this.q(table)} (${columns.map((c) => this.q(c)).join(', ')}) VALUES `;
    let tail: string;
    if (this.mysql) {
      const sets = [...update.map((c) => `${this.q(c)} = VALUES(${this.q(c)})`), ...extra];
      tail = ` ON DUPLICATE KEY UPDATE ${sets.length ? sets.join(', ') : `${this.q(conflict[0])} = ${this.q(conflict[0])}`}`;
    } else {
      const sets = [...update.map((c) => `${this.q(c)} = excluded.${this.q(c)}`), ...extra];
      tail = ` ON CONFLICT (${conflict.map((c) => this.q(c)).join(', ')}) ${sets.length ? `DO UPDATE SET ${sets.join(', ')}` : 'DO NOTHING'}`;
    }
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      await this.run(em, head + chunk.map(() => tuple).join(', ') + tail, chunk.flat().map(bindable));
    }
  }

  // MySQL/MariaDB: a server-side prepared statement on the transaction's connection (mysql2 keeps it
  // per connection, and a full batch always has the same text), which spares the server parsing some
  // ten thousand literals per batch and the client escaping them. Elsewhere: the query runner.
  private run(em: EntityManager, sql: string, params: unknown[]): Promise<any> {
    const conn = this.mysql ? (em.queryRunner as unknown as { databaseConnection?: MysqlConnection } | undefined)?.databaseConnection : undefined;
    if (!conn?.execute) return em.query(sql, params);
    return new Promise((resolve, reject) => conn.execute(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  }

  // SELECT columns FROM table WHERE column IN (values), in chunks.
  async selectIn<T = Record<string, unknown>>(em: EntityManager, table: string, columns: string[], column: string, values: unknown[]): Promise<T[]> {
    const out: T[] = [];
    const unique = [...new Set(values)];
    for (let start = 0; start < unique.length; start += 5000) {
      const chunk = unique.slice(start, start + 5000);
      const rows = await this.run(
        em,
        `SELECT ${columns.map((c) => this.q(c)).join(', ')} FROM ${this.q(table)} WHERE ${this.q(column)} IN (${chunk.map(() => '?').join(', ')})`,
        chunk.map(bindable),
      );
      out.push(...(rows as T[]));
    }
    return out;
  }
}

interface MysqlConnection {
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
}

// better-sqlite3 binds no booleans or undefined
export function bindable(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
