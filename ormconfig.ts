import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, Logger } from 'typeorm';
import { DatabaseTarget, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './src/config';
import { SnakeNamingStrategy } from './src/common/naming-strategy';
import { CountingLogger } from './src/common/sql-counter';
import { entities } from './src/entities';

// The one DataSource of the service, chosen by DATABASE_URL (mysql://... or sqlite:PATH).
// Migrations are the only way the schema changes: synchronize stays off.
export function createDataSource(target: DatabaseTarget, logger?: Logger): DataSource {
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
  return new DataSource({
    ...common,
    type: target.flavor,
    url: target.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: true,
    poolSize: 10,
    extra: { connectionLimit: 10, queueLimit: 200, connectTimeout: 5000 },
  });
}

export default createDataSource(parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
