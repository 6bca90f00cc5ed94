// The calibrated demo "ningxia-2022": its 2022 report must reproduce the source article's figures
// (docs/DOMAIN.md, "Published figures and the demo data"). Every figure is read back through the joint report (GraphQL), never
// from the generator; the expected values below are the published ones, written out literally.
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parseSeedArgs, SeedArgsError } from '../src/cli/seed';
import { validateIdNumber } from '../src/common/id-number';
import { SeedRefusedError } from '../src/seed/bulk-insert';
import { generateCalibrated, seedCalibrated } from '../src/seed/calibrated';
import { SEED_TABLES } from '../src/seed/rows';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, startService } from './helpers/graphql';
import { Role } from '../src/policy/viewer';

const SEEDING_TIMEOUT = 180_000;

const REPORT = `query CalibratedReport($input: JointReportInput!) {
  jointReport(input: $input) {
    total { district { code } values { indicator value compareValue relativeChange suppressed } }
    rows { district { code } values { indicator value compareValue relativeChange suppressed } }
  }
}`;

interface Cell {
  indicator: string;
  value: number | null;
  compareValue: number | null;
  relativeChange: number | null;
  suppressed: boolean;
}
interface Row {
  district: { code: string };
  values: Cell[];
}
type Figures = Record<string, number | null>;

const year = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

const ADDITIVE = [
  'casesSolved', 'targetCasesSolved', 'suspectsArrested', 'fugitivesArrested', 'manufacturingSitesDestroyed',
  'drugUseDetections', 'newUsers', 'registeredUsers', 'abstinentThreeYears', 'currentUsers',
  'compulsoryIsolationAdmissions', 'precursorPermits',
];

describe.each(testDatabases())('calibrated ningxia-2022 on $name', ({ target }) => {
  let ds: DataSource;
  let service: Awaited<ReturnType<typeof startService>>;
  let counts: Record<string, number>;
  let seconds: number;

  async function report(input: Record<string, unknown>): Promise<{ total: Row; rows: Row[] }> {
    const res = await gql(service, ds, REPORT, { input });
    if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data.jointReport;
  }
  const figures = (row: Row): Figures => Object.fromEntries(row.values.map((c) => [c.indicator, c.value]));
  const rowOf = (rows: Row[], code: string): Row => {
    const row = rows.find((r) => r.district.code === code);
    if (!row) throw new Error(`no row for ${code}`);
    return row;
  };

  let province: Figures;
  let cities: Map<string, Figures>;
  let cityRows: Row[];

  beforeAll(async () => {
    ds = await freshDatabase(target);
    const started = Date.now();
    counts = await seedCalibrated(ds, 'ningxia-2022');
    seconds = (Date.now() - started) / 1000;
    service = await startService(ds);
    const r = await report({ period: year(2022), level: 'CITY' });
    province = figures(r.total);
    cityRows = r.rows;
    cities = new Map(r.rows.map((row) => [row.district.code, figures(row)]));
  }, SEEDING_TIMEOUT);

  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  it('loads every table, and in reasonable time', async () => {
    for (const { table } of SEED_TABLES) expect([table, counts[table] > 0]).toEqual([table, true]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`calibrated ningxia-2022 on ${target.kind}: ${total} rows in ${seconds.toFixed(1)} s\n`);
    expect(seconds).toBeLessThan(240); // ~6-11 s on an idle 2-core machine; generous for a loaded CI host
  });

  it('reproduces the province figures of 2022', () => {
    expect(province.casesSolved).toBe(432);
    expect(round(province.seizedHeroinEquivalentKg, 2)).toBe(173.69);
    expect(round(province.precursorSeizedKg, 3)).toBe(75_600); // 75.6 t
    expect(province.fugitivesArrested).toBe(5);
    expect(province.manufacturingSitesDestroyed).toBe(3);
    expect(province.drugUseDetections).toBe(4389);
    expect(province.compulsoryIsolationAdmissions).toBe(1641);
    expect(round(province.abstinenceConsolidationRate, 4)).toBe(0.92);
    expect(round(province.newUserRate, 4)).toBe(0.0025);
  });

  it('has the 246 standardized community detox and rehabilitation centres', async () => {
    const [row] = await ds.query('SELECT COUNT(*) AS n FROM rehab_centre');
    expect(Number(row.n)).toBe(246);
  });

  it('has the 28 anti-drug education bases, read by the provincial office through District', async () => {
    const office = { sub: 'office', name: 'Office', role: Role.PROVINCIAL_OFFICE, district: '640000', purpose: null };
    const res = await gql(service, ds, '{ district(code: "640000") { educationBases { name } preventionIndicators(period: { from: "2022-01-01", to: "2022-12-31" }) { educationBases publicityEvents } children { preventionIndicators(period: { from: "2022-01-01", to: "2022-12-31" }) { educationBases } } } }', {}, office);
    expect(res.errors).toBeUndefined();
    const d = res.data.district;
    expect([d.educationBases.length, d.preventionIndicators.educationBases]).toEqual([28, 28]);
    expect(d.children.reduce((sum: number, c: any) => sum + c.preventionIndicators.educationBases, 0)).toBe(28);
    expect(d.preventionIndicators.publicityEvents).toBeGreaterThan(0);
  });

  it("reproduces Wuzhong's 2022 figures", () => {
    const wuzhong = cities.get('640300') as Figures;
    expect(wuzhong.casesSolved).toBe(13);
    expect(wuzhong.suspectsArrested).toBe(34);
    expect(wuzhong.targetCasesSolved).toBe(2);
    expect(wuzhong.fugitivesArrested).toBe(1);
    expect(wuzhong.drugUseDetections).toBe(70); // "drug users found: 70"
    expect(round(wuzhong.abstinenceConsolidationRate, 4)).toBe(0.95);
    expect(wuzhong.precursorPermits).toBe(1775);
    expect(round(wuzhong.precursorPermittedTonnes, 3)).toBe(3357);
  });

  it("reproduces Zhongwei's 2022 rates", () => {
    const zhongwei = cities.get('640500') as Figures;
    expect(round(zhongwei.newUserRate, 4)).toBe(0.0014);
    expect(round(zhongwei.abstinenceConsolidationRate, 4)).toBe(0.94);
  });

  it('has no outflow traffickers from Tongxin in 2020-2022', async () => {
    const r = await report({ period: { from: '2020-01-01', to: '2022-12-31' }, level: 'COUNTY', parentCode: '640300', indicators: ['outflowTraffickers'] });
    expect(figures(rowOf(r.rows, '640324')).outflowTraffickers).toBe(0);
  });

  it("reproduces Guyuan's new users of 2020, 2021 and 2022, and Wuzhong's fall in new users", async () => {
    const found: Record<number, number | null> = {};
    for (const y of [2020, 2021, 2022]) {
      const r = await report({ period: year(y), level: 'CITY', indicators: ['newUsers'] });
      found[y] = figures(rowOf(r.rows, '640400')).newUsers;
    }
    expect(found).toEqual({ 2020: 25, 2021: 21, 2022: 19 });
    const r = await report({ period: year(2022), compareTo: year(2021), level: 'CITY', indicators: ['newUsers'] });
    const cell = rowOf(r.rows, '640300').values[0];
    expect(round(cell.relativeChange, 2)).toBe(-0.59);
  });

  it('follows the trends since 2017: new users -91 %, current users -88.7 %', async () => {
    const r = await report({ period: year(2022), compareTo: year(2017), level: 'CITY', indicators: ['newUsers', 'currentUsers'] });
    const change = Object.fromEntries(r.total.values.map((c) => [c.indicator, c.relativeChange]));
    expect(round(change.newUsers, 2)).toBe(-0.91);
    expect(round(change.currentUsers, 3)).toBe(-0.887);
  });

  it('has city figures that add up to the province figures', () => {
    for (const indicator of ADDITIVE) {
      const sum = cityRows.reduce((s, row) => s + (figures(row)[indicator] as number), 0);
      expect([indicator, sum]).toEqual([indicator, province[indicator]]);
    }
  });

  it('gives every person a valid, unique ID number matching gender and birth date', async () => {
    const persons: Array<{ id_number: string; gender: string; birth_date: string }> = await ds.query(
      'SELECT id_number, gender, birth_date FROM person',
    );
    expect(persons.length).toBe(counts.person);
    expect(new Set(persons.map((p) => p.id_number)).size).toBe(persons.length);
    let invalid = 0;
    for (const p of persons) {
      const parsed = validateIdNumber(p.id_number);
      if (!parsed.ok || parsed.gender !== p.gender || parsed.birthDate !== String(p.birth_date)) invalid++;
    }
    expect(invalid).toBe(0);
  });

  it('keeps every record in order: dates ordered, nothing after a death, no detection during isolation', async () => {
    const count = async (sql: string) => Number((await ds.query(sql))[0].n);
    expect(await count('SELECT COUNT(*) AS n FROM rehab_programme WHERE reported_at < ordered_at OR ended_at < ordered_at OR planned_end_at < ordered_at')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM drug_case WHERE solved_at < filed_at')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM employment_assistance WHERE ended_at < started_at')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM person WHERE birth_date >= deceased_at')).toBe(0);
    for (const [table, column] of [
      ['drug_use_detection', 'detected_at'],
      ['risk_assessment', 'assessed_at'],
      ['follow_up_check', 'checked_at'],
      ['employment_assistance', 'started_at'],
      ['case_suspect', 'arrested_at'],
      ['rehab_programme', 'ordered_at'],
    ]) {
      const n = await count(`SELECT COUNT(*) AS n FROM ${table} t JOIN person p ON p.id = t.person_id WHERE t.${column} >= p.deceased_at OR t.${column} <= p.birth_date`);
      expect([table, n]).toEqual([table, 0]);
    }
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM drug_use_detection d JOIN rehab_programme r ON r.person_id = d.person_id
         WHERE r.kind = 'COMPULSORY_ISOLATION' AND d.detected_at > r.reported_at AND d.detected_at <= COALESCE(r.ended_at, '9999-12-31')`,
      ),
    ).toBe(0);
  });

  it('refuses to seed over existing records without reset', async () => {
    await expect(seedCalibrated(ds, 'ningxia-2022')).rejects.toThrow(SeedRefusedError);
  });
});

describe('generateCalibrated (pure)', () => {
  it('is deterministic', () => {
    const digest = () => {
      const data = generateCalibrated('ningxia-2022');
      const hash = createHash('sha256');
      for (const key of ['person', 'drugUseDetection', 'rehabProgramme', 'caseSuspect', 'seizure', 'precursorPermit'] as const) {
        for (const row of data[key]) hash.update(JSON.stringify(row));
      }
      return hash.digest('hex');
    };
    expect(digest()).toBe(digest());
  }, 60_000);

  it('rejects an unknown name', () => {
    expect(() => generateCalibrated('ningxia-2021' as never)).toThrow(/unknown calibrated data set/);
  });
});

describe('parseSeedArgs --calibrated', () => {
  it('reads the data set name and reset', () => {
    expect(parseSeedArgs(['--calibrated', 'ningxia-2022'])).toMatchObject({ calibrated: 'ningxia-2022', reset: false });
    expect(parseSeedArgs(['--calibrated=ningxia-2022', '--reset'])).toMatchObject({ calibrated: 'ningxia-2022', reset: true });
    expect(parseSeedArgs(['--persons', '10']).calibrated).toBeUndefined();
  });

  it.each([
    [['--calibrated']],
    [['--calibrated', '']],
    [['--calibrated', 'ningxia-2021']],
    [['--calibrated', 'NINGXIA-2022']],
    [['--calibrated', 'ningxia-2022', '--persons', '100']],
    [['--calibrated', 'ningxia-2022', '--seed', '1']],
    [['--seed', '1', '--calibrated', 'ningxia-2022']],
  ])('rejects %j with one clear line', (argv) => {
    expect(() => parseSeedArgs(argv)).toThrow(SeedArgsError);
    try {
      parseSeedArgs(argv);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
