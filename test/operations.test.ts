import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, validate, OperationDefinitionNode } from 'graphql';

// The client contract: the example operations in operations/ are valid against the committed schema,
// and the typed documents generated from them (npm run codegen) are committed and current.
const ROOT = join(__dirname, '..');
const DIR = join(ROOT, 'operations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort();
const schema = buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8'));

describe('example client operations', () => {
  it('cover each kind of user', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'PersonSearch.graphql', 'PersonProfile.graphql', 'DistrictDashboard.graphql',
        'JointReport.graphql', 'ImportStatus.graphql', 'AuditLookup.graphql',
      ]),
    );
  });

  it.each(files)('%s is valid against schema/schema.graphql and names its operation after the file', (file) => {
    const document = parse(readFileSync(join(DIR, file), 'utf8'));
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(operations.map((o) => o.name?.value)).toEqual([file.replace(/\.graphql$/, '')]);
  });

  // codegen runs as `npm run codegen` does, in a copy of the inputs, so the committed output is left alone
  it('has committed typed documents equal to what `npm run codegen` generates now', () => {
    const work = mkdtempSync(join(tmpdir(), 'jindu-codegen-'));
    try {
      cpSync(join(ROOT, 'codegen.ts'), join(work, 'codegen.ts'));
      cpSync(join(ROOT, 'schema'), join(work, 'schema'), { recursive: true });
      for (const file of files) cpSync(join(DIR, file), join(work, 'operations', file));
      symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
      const cli = join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js');
      execFileSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], { cwd: work, stdio: 'pipe' });
      const generated = readdirSync(join(work, 'operations', 'generated')).sort();
      expect(readdirSync(join(DIR, 'generated')).sort()).toEqual(generated);
      for (const name of generated) {
        const fresh = readFileSync(join(work, 'operations', 'generated', name), 'utf8');
        const committed = readFileSync(join(DIR, 'generated', name), 'utf8');
        expect({ name, committed }).toEqual({ name, committed: fresh });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
