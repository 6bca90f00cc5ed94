// Developer tool: writes a migration for the difference between the entities and the database at
// DATABASE_URL (run it against an empty database after applying the existing migrations).
// Usage: DATABASE_URL=... npm run migration:generate -- Name
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { openDataSource } from '../database';

function render(name: string, stamp: number, up: string[], down: string[]): string {
  const q = (s: string) => '    await queryRunner.query(' + JSON.stringify(s) + ');';
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.map(q).join('\n')}
  }
}
`;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write('usage: npm run migration:generate -- PascalCaseName\n');
    process.exit(2);
  }
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    process.stdout.write('no schema change\n');
    return;
  }
  const stamp = Date.now();
  const file = join(process.cwd(), 'migrations', config.database.kind, `${stamp}-${name}.ts`);
  const up = sql.upQueries.map((q) => q.query);
  const down = sql.downQueries.map((q) => q.query).reverse();
  writeFileSync(file, render(name, stamp, up, down));
  process.stdout.write(`wrote ${file} (${up.length} statements)\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
