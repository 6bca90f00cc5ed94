// Writes schema/schema.graphql from the code (npm run schema:emit).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSchema, printSchemaFile } from '../schema';

createSchema()
  .then((schema) => {
    const file = join(process.cwd(), 'schema', 'schema.graphql');
    writeFileSync(file, printSchemaFile(schema));
    process.stdout.write(`wrote ${file}\n`);
  })
  .catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
