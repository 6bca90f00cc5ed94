// npm run migrate: applies pending migrations to DATABASE_URL, then fills the indicator ledger when it
// is marked stale (e.g. it was just created on a database that already holds persons).
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';
import { isSummaryStale, rebuildIndicatorSummary } from '../indicators/summary/summary.store';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(applied.length ? applied.map((m) => `applied ${m.name}\n`).join('') : 'no pending migrations\n');
    if (await isSummaryStale(ds.manager)) {
      const { persons, ms } = await rebuildIndicatorSummary(ds);
      process.stdout.write(`indicator summary rebuilt: ${persons} persons in ${(ms / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `migrate failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
});
