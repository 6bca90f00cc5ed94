import { createConnection } from 'mysql2/promise';
import { DataSource, Logger } from 'typeorm';
import { createDataSource, PoolOptions } from '../ormconfig';
import { DatabaseTarget } from './config';
import { prepareSqliteFile, restrictSqliteFiles } from './common/private-files';
import { guardEmptyLists } from './common/empty-lists';
import { yieldBetweenStatements } from './common/sqlite-yield';

// A mysql:// URL may point at MySQL, MariaDB or TiDB; ask the server which one it is, since
// TypeORM reads MariaDB's catalogue differently.
export async function probeTarget(target: DatabaseTarget): Promise<DatabaseTarget> {
  if (target.kind !== 'mysql' || target.flavor === 'mariadb') return target;
  const conn = await createConnection({ uri: target.url, connectTimeout: 5000 });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    const version = String((rows as Array<{ v: string }>)[0].v);
    return { ...target, flavor: /mariadb/i.test(version) ? 'mariadb' : 'mysql' };
  } finally {
    await conn.end();
  }
}

export async function openDataSource(target: DatabaseTarget, logger?: Logger, pool?: PoolOptions): Promise<DataSource> {
  if (target.kind === 'sqlite') prepareSqliteFile(target.path);
  const ds = createDataSource(await probeTarget(target), logger, pool);
  guardEmptyLists(ds);
  yieldBetweenStatements(ds);
  await ds.initialize();
  if (target.kind === 'sqlite') restrictSqliteFiles(target.path);
  return ds;
}
