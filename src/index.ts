// Bootstrap only: config -> data source -> migrations -> (demo data) -> server -> listen; signals.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { logger } from './common/logger';
import { openDataSource } from './database';
import { Person } from './persons/person.entity';
import { seedDatabase } from './seed/bulk-insert';
import { createServer } from './server';

const DEMO_PERSONS = 5000;
const DEMO_SEED = 2023;

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');

  // The embedded database is for trying the service out: an empty one gets the synthetic demo data.
  if (config.database.kind === 'sqlite' && !config.production && (await ds.getRepository(Person).count()) === 0) {
    const started = Date.now();
    const counts = await seedDatabase(ds, { persons: DEMO_PERSONS, seed: DEMO_SEED });
    logger.info({ rows: counts, ms: Date.now() - started }, 'demo data seeded into the empty embedded database');
  }

  const service = await createServer({ ds, production: config.production });
  const server = service.app.listen(config.port, () => {
    logger.info({ port: config.port, database: config.database.kind }, `jindu-graph listening on http://localhost:${config.port}/graphql`);
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      service
        .stop()
        .then(() => ds.destroy())
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  // one clear line; configuration errors name the variable, other errors only their kind
  const message = err instanceof ConfigError ? err.message : `start-up failed: ${err instanceof Error ? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
