import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, Logger } from 'typeorm';
import { DatabaseTarget, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './src/config';
import { SnakeNamingStrategy } from './src/common/naming-strategy';
import { CountingLogger } from './src/common/sql-counter';
import { entities } from './src/entities';

// Connection pool bounds (MySQL/MariaDB): beyond `size` busy connections up to `queueLimit` statements
// wait; more fail at once with "Queue limit reached." (SERVICE_UNAVAILABLE to clients).
export interface PoolOptions {
  size?: number;
  queueLimit?: number;
  connectTimeoutMs?: number;
}

// The one DataSource of the service, chosen by DATABASE_URL (mysql://... or sqlite:PATH).
// Migrations are the only way the schema changes: synchronize stays off.
export function createDataSource(target: DatabaseTarget, logger?: Logger, pool: PoolOptions = {}): DataSource {
  const migrationsDir = join(__dirname, 'migrations', target.kind);
  const common = {
    entities,
    migrations: [join(migrationsDir, '*.{js,ts}').replace(/\\/g, '/')],
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // counts statements per request (src/common/sql-counter.ts); logs nothing itself
    logger: logger ?? new CountingLogger(),
  };
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: target.path,
      enableWAL: target.path !== ':memory:',
      timeout: 5000, // busy timeout, ms
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('foreign_keys = ON');
      },
    });
  }
  const mysql = {
    ...common,
    type: target.flavor,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: true,
    poolSize: pool.size ?? 10,
    // applied to every pool: the primary's and each replica's
    extra: { connectionLimit: pool.size ?? 10, queueLimit: pool.queueLimit ?? 200, connectTimeout: pool.connectTimeoutMs ?? 5000 },
  };
  if (!target.replicaUrls?.length) return new DataSource({ ...mysql, url: target.url });
  return new DataSource({
    ...mysql,
    replication: {
      master: { url: target.url },
      slaves: target.replicaUrls.map((url) => ({ url })),
      // Nothing reads from a replica unless it asks to (src/common/read-replica.ts): query builders and
      // repositories default to the primary, so a read right after a write sees it.
      defaultMode: 'master',
      // Servers are never taken out by mysql2's pool cluster: it counts every failure to get a
      // connection, a full queue included, and would route around a merely busy replica (and, by
      // default, drop even the primary for good after 5). src/common/read-replica.ts decides instead:
      // an unreachable replica is left alone for 2 s, reads go to the primary meanwhile.
      canRetry: false,
      removeNodeErrorCount: Number.MAX_SAFE_INTEGER,
    },
  });
}

export default createDataSource(parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
