// npm run indicators:rebuild: recomputes the indicator ledger (src/indicators/summary) from
// the department tables of DATABASE_URL. Run it while nothing writes; readers use the reference SQL
// until it has finished.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';
import { rebuildIndicatorSummary } from '../indicators/summary/summary.store';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  try {
    let shown = 0;
    const { persons, ms } = await rebuildIndicatorSummary(ds, (done) => {
      if (done - shown >= 100_000) process.stdout.write(`  ${(shown = done)} persons\n`);
    });
    process.stdout.write(`indicator summary rebuilt: ${persons} persons in ${(ms / 1000).toFixed(1)} s\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `rebuild failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
});
