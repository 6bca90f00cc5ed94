// Identity linking never renames or clears a person silently: seeded and migrated persons carry their
// identity versions (one per department holding records of them), and an import that disagrees with
// another department's version raises a conflict for review instead of overwriting the person.
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { DistrictTree } from '../src/core/district-tree';
import { importFile } from '../src/ingest/file-import';
import { Department, RecordKind } from '../src/ingest/ingest.enums';
import { Person } from '../src/core/person.entity';
import { seedDatabase } from '../src/seed/bulk-insert';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';

const PS: Viewer = { sub: 'baseline-ps', name: 'PS', role: Role.PUBLIC_SECURITY, district: '640000', purpose: 'identity baseline test' };

const detection = (p: Person, name: string, key: string) =>
  JSON.stringify({
    recordKind: RecordKind.DRUG_USE_DETECTION, sourceKey: key, idNumber: p.idNumber, name, residenceDistrictCode: p.residenceDistrictCode,
    districtCode: p.residenceDistrictCode, detectedAt: '2023-03-01', substance: 'HEROIN', method: 'URINE', disposition: 'COMMUNITY_DETOX_ORDER',
  }) + '\n';

describe.each(testDatabases())('identity baseline on $name', ({ target }) => {
  let ds: DataSource;
  const versionsOf = async (personId: number) =>
    ((await ds.query('SELECT department, name, household_district_code AS h FROM person_identity WHERE person_id = ? ORDER BY id', [personId])) as Array<Record<string, string>>).map(
      (r) => [r.department, r.name, r.h],
    );
  const importPs = async (text: string, source: string) =>
    importFile(() => Readable.from([Buffer.from(text)]), { ds, tree: await DistrictTree.load(ds), viewer: PS, department: Department.PUBLIC_SECURITY, source, format: 'ndjson' });

  beforeEach(async () => {
    ds = await freshDatabase(target);
  });
  afterEach(async () => {
    await ds?.destroy();
  });

  it('gives persons of an existing database their versions by migration, and an import then neither renames nor clears them', async () => {
    // the database as it was before identity baselines (and the migrations after them)
    const table = ds.driver.escape(ds.options.migrationsTableName ?? 'migrations');
    const applied = async () => ((await ds.query(`SELECT name FROM ${table}`)) as Array<{ name: string }>).map((r) => r.name);
    while ((await applied()).includes('IdentityBaseline1795950000000')) await ds.undoLastMigration();
    const fx = new Fixtures(ds);
    const liyun = await fx.person({ name: '李云', county: '640104', household: '640121' });
    await fx.detection(liyun, '2022-01-01');
    await fx.programme(liyun, 'COMMUNITY_DETOX', '2022-02-01');
    const loner = await fx.person({ name: '孤某', county: '640105' });
    await ds.runMigrations();
    expect(await versionsOf(liyun.id)).toEqual([['PUBLIC_SECURITY', '李云', '640121'], ['JUSTICE', '李云', '640121']]);
    expect(await versionsOf(loner.id)).toEqual([['PUBLIC_SECURITY', '孤某', '640105']]);

    // public security sends another spelling and no household code
    const summary = await importPs(detection(liyun, '李芸', 'BL-D-1'), 'rename.ndjson');
    expect(summary).toMatchObject({ inserted: 1, personsCreated: 0, conflictsDetected: 1 });
    const [row] = await ds.query('SELECT name, household_district_code AS h FROM person WHERE id = ?', [liyun.id]);
    expect(row).toEqual({ name: '李云', h: '640121' });
    const conflicts = await ds.query('SELECT field, department_a AS a, value_a AS va, department_b AS b, value_b AS vb, resolved FROM identity_conflict WHERE person_id = ?', [liyun.id]);
    expect(conflicts.map((c: any) => [c.field, c.a, c.va, c.b, c.vb, Number(c.resolved)])).toEqual([['NAME', 'PUBLIC_SECURITY', '李芸', 'JUSTICE', '李云', 0]]);
    expect((await versionsOf(liyun.id))[0]).toEqual(['PUBLIC_SECURITY', '李芸', '640121']); // its version kept, household not cleared
  });

  it('gives a person written without ingestion its baseline when an import first links it', async () => {
    const fx = new Fixtures(ds);
    const direct = await fx.person({ name: '王云', county: '640104', household: '640104' });
    await fx.programme(direct, 'COMMUNITY_DETOX', '2022-02-01');
    await importPs(detection(direct, '王芸', 'BL-D-2'), 'direct.ndjson');
    const [row] = await ds.query('SELECT name, household_district_code AS h FROM person WHERE id = ?', [direct.id]);
    expect(row).toEqual({ name: '王云', h: '640104' });
    expect(await versionsOf(direct.id)).toEqual([['JUSTICE', '王云', '640104'], ['PUBLIC_SECURITY', '王芸', '640104']]);
  });

  it('seeds every person with an identity version', async () => {
    await seedDatabase(ds, { persons: 200, seed: 11 });
    const [bare] = await ds.query('SELECT COUNT(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_identity v WHERE v.person_id = p.id)');
    const [all] = await ds.query('SELECT COUNT(*) AS n FROM person');
    expect(Number(all.n)).toBeGreaterThan(0);
    expect(Number(bare.n)).toBe(0);
  });
});
