import { DataSource } from 'typeorm';
import { CountingLogger } from '../../src/common/sql-counter';
import { DatabaseTarget, parseDatabaseUrl } from '../../src/config';
import { openDataSource } from '../../src/database';

// The databases every suite runs against: SQLite always; MySQL/MariaDB when TEST_MYSQL_URL is set.
// With CI=true a missing TEST_MYSQL_URL is a failure, never a silent skip.
export interface TestDatabase {
  name: 'sqlite' | 'mysql';
  target: DatabaseTarget;
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'sqlite', target: { kind: 'sqlite', path: ':memory:' } }];
  const mysqlUrl = process.env.TEST_MYSQL_URL;
  if (mysqlUrl) list.push({ name: 'mysql', target: parseDatabaseUrl(mysqlUrl) });
  else if (process.env.CI === 'true') throw new Error('CI=true but TEST_MYSQL_URL is not set: the MySQL suite must run');
  return list;
}

// An empty database with every migration applied, and the counting logger installed.
export async function freshDatabase(target: DatabaseTarget): Promise<DataSource> {
  const ds = await openDataSource(target, new CountingLogger());
  await ds.dropDatabase();
  await ds.runMigrations();
  return ds;
}
