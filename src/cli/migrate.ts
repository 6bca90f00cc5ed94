// npm run migrate: applies pending migrations to DATABASE_URL.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'no pending migrations\n');
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `migrate failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
});
