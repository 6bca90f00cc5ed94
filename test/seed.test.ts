import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseSeedArgs, SeedArgsError } from '../src/cli/seed';
import { validateIdNumber } from '../src/common/id-number';
import { seedDatabase, SeedRefusedError } from '../src/seed/bulk-insert';
import { generate, SEED_TABLES, SyntheticData } from '../src/seed/synthetic-data';
import { freshDatabase, testDatabases } from './helpers/databases';

const DEPARTMENT_TABLES = SEED_TABLES.map((t) => t.table).filter((t) => t !== 'person');

async function count(ds: DataSource, table: string): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${ds.driver.escape(table)}`);
  return Number(row.n);
}

// A stable digest of persons, detections and programmes; values are stringified so that drivers
// returning numbers or strings digest alike.
async function digest(ds: DataSource, what: 'persons' | 'all'): Promise<string> {
  const hash = createHash('sha256');
  const queries = [
    'SELECT id, id_number, name, birth_date, gender, residence_district_code, deceased_at FROM person ORDER BY id',
    ...(what === 'all'
      ? [
          'SELECT id, person_id, detected_at, district_code, substance, method, disposition FROM drug_use_detection ORDER BY id',
          'SELECT id, person_id, kind, ordered_at, reported_at, ended_at, outcome, caseworker_id, centre_id FROM rehab_programme ORDER BY id',
          'SELECT id, case_id, person_id, role, arrested_at, arrest_province_code FROM case_suspect ORDER BY id',
        ]
      : []),
  ];
  for (const sql of queries) {
    for (const row of await ds.query(sql)) {
      hash.update(Object.values(row as Record<string, unknown>).map((v) => (v === null ? '' : String(v))).join('|') + '\n');
    }
  }
  return hash.digest('hex');
}

describe.each(testDatabases())('seedDatabase on $name', ({ target }) => {
  let ds: DataSource;
  let firstDigest: string;
  beforeAll(async () => {
    ds = await freshDatabase(target);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('seeds 300 persons with rows in every department table', async () => {
    const counts = await seedDatabase(ds, { persons: 300, seed: 7 });
    expect(counts.person).toBe(300);
    for (const table of DEPARTMENT_TABLES) {
      expect([table, counts[table]]).toEqual([table, expect.any(Number)]);
      expect(counts[table]).toBeGreaterThan(0);
      expect(await count(ds, table)).toBe(counts[table]);
    }
    firstDigest = await digest(ds, 'all');
  });

  it('gives every person a valid ID number matching gender and birth date', async () => {
    const persons: Array<{ id_number: string; gender: string; birth_date: string }> = await ds.query(
      'SELECT id_number, gender, birth_date FROM person',
    );
    expect(persons).toHaveLength(300);
    for (const p of persons) {
      const parsed = validateIdNumber(p.id_number);
      if (!parsed.ok) throw new Error(`invalid ID number (${parsed.rule})`);
      expect([parsed.gender, parsed.birthDate]).toEqual([p.gender, String(p.birth_date)]);
    }
  });

  it('refuses to seed a database that already holds persons without reset', async () => {
    await expect(seedDatabase(ds, { persons: 10, seed: 7 })).rejects.toThrow(SeedRefusedError);
    await expect(seedDatabase(ds, { persons: 10, seed: 7 })).rejects.toThrow(/--reset/);
    expect(await count(ds, 'person')).toBe(300);
  });

  it('reproduces identical rows with the same seed after a reset', async () => {
    await seedDatabase(ds, { persons: 300, seed: 7, reset: true });
    expect(await count(ds, 'person')).toBe(300);
    expect(await digest(ds, 'all')).toBe(firstDigest);
  });

  it('gives different persons with a different seed, and keeps the reference data', async () => {
    const before = await digest(ds, 'persons');
    await seedDatabase(ds, { persons: 300, seed: 8, reset: true });
    expect(await digest(ds, 'persons')).not.toBe(before);
    expect(await count(ds, 'district')).toBe(28);
    expect(await count(ds, 'heroin_equivalent_factor')).toBe(13);
  });
});

describe('generate (pure)', () => {
  let data: SyntheticData;
  beforeAll(() => {
    data = generate({ persons: 300, seed: 7 });
  });

  it('is deterministic and depends on the seed', () => {
    expect(generate({ persons: 300, seed: 7 })).toEqual(data);
    expect(generate({ persons: 300, seed: 8 }).person).not.toEqual(data.person);
  });

  it('numbers rows 1..n per table with unique source keys', () => {
    for (const { key } of SEED_TABLES) {
      const rows = data[key] as Array<{ id: number; sourceKey?: string }>;
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
      if (key !== 'person') expect(new Set(rows.map((r) => r.sourceKey)).size).toBe(rows.length);
    }
    expect(new Set(data.person.map((p) => p.idNumber)).size).toBe(300);
    expect(data.rehabCentre).toHaveLength(246);
  });

  it('references existing parents and keeps every date inside 2015-2023', () => {
    const ids = (rows: Array<{ id: number }>) => new Set(rows.map((r) => r.id));
    const persons = ids(data.person);
    const programmes = ids(data.rehabProgramme);
    const cases = ids(data.drugCase);
    for (const rows of [data.drugUseDetection, data.riskAssessment, data.rehabProgramme, data.employmentAssistance, data.caseSuspect]) {
      for (const r of rows) expect(persons.has(r.personId)).toBe(true);
    }
    for (const c of data.followUpCheck) expect(programmes.has(c.programmeId)).toBe(true);
    for (const r of [...data.caseSuspect, ...data.seizure]) expect(cases.has(r.caseId)).toBe(true);
    const dates = [
      ...data.drugUseDetection.map((r) => r.detectedAt),
      ...data.rehabProgramme.flatMap((r) => [r.orderedAt, r.reportedAt, r.endedAt]),
      ...data.followUpCheck.map((r) => r.checkedAt),
      ...data.drugCase.flatMap((r) => [r.filedAt, r.solvedAt]),
      ...data.seizure.map((r) => r.seizedAt),
      ...data.employmentAssistance.flatMap((r) => [r.startedAt, r.endedAt]),
      ...data.person.map((r) => r.deceasedAt),
    ].filter((d): d is string => d !== null);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= '2015-01-01' && d <= '2023-12-31')).toBe(true);
  });

  it('never uses Math.random', () => {
    const dir = join(__dirname, '..', 'src', 'seed');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      expect([file, /Math\.random\s*\(/.test(readFileSync(join(dir, file), 'utf8'))]).toEqual([file, false]);
    }
  });
});

describe('parseSeedArgs', () => {
  it('applies the defaults', () => {
    expect(parseSeedArgs([])).toEqual({ persons: 5000, seed: 2023, reset: false });
  });

  it('reads persons, seed and reset', () => {
    expect(parseSeedArgs(['--persons', '100000', '--seed', '0', '--reset'])).toEqual({ persons: 100000, seed: 0, reset: true });
    expect(parseSeedArgs(['--persons=2000000'])).toEqual({ persons: 2000000, seed: 2023, reset: false });
  });

  it.each([
    [['--people', '10']],
    [['--persons']],
    [['--persons', '0']],
    [['--persons', '2000001']],
    [['--persons', '1.5']],
    [['--persons', 'abc']],
    [['--persons', '-3']],
    [['--persons', '1e3']],
    [['--seed', '-1']],
    [['--seed', 'x']],
    [['--seed', '99999999999999999999']],
    [['--reset=yes']],
    [['500']],
  ])('rejects %j', (argv) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedArgsError);
  });
});
