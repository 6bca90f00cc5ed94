import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/common/auth/viewer';
import { computeIndicators } from '../src/districts/indicators/indicators.service';
import { INDICATOR_DEFINITIONS, indicatorDefinition, indicatorValue } from '../src/reports/indicator-definitions';
import { roundFigure } from '../src/reports/precision';
import { setReportConfig } from '../src/reports/report-config';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, PROVINCE_ADMIN, startService } from './helpers/graphql';
import { insertReportDataset } from './helpers/report-dataset';

// jointReport over GraphQL on the hand-made dataset of test/helpers/report-dataset.ts (2023 vs 2022).

const Y2023 = { from: '2023-01-01', to: '2023-12-31' };
const Y2022 = { from: '2022-01-01', to: '2022-12-31' };

const REPORT = `query Report($input: JointReportInput!) { jointReport(input: $input) {
  level parent { code } period { from to days } comparePeriod { from to days }
  rows { isTotal district { code name } values { indicator value suppressed compareValue compareSuppressed change relativeChange rank } }
  total { isTotal district { code } values { indicator value suppressed compareValue compareSuppressed change relativeChange rank } }
  metadata { generatedAt heroinEquivalentTable notes suppression { applied threshold suppressedCells }
    indicators { indicator field riskColour nameZh nameEn definitionZh definitionEn unitZh kind suppressible } } } }`;

const viewer = (role: Role, district = '640000'): Viewer => ({ sub: `test-${role}`, name: role, role, district, purpose: null });
const OFFICE = viewer(Role.PROVINCIAL_OFFICE);

type Cell = { indicator: string; value: number | null; suppressed: boolean; compareValue: number | null; compareSuppressed: boolean; change: number | null; relativeChange: number | null; rank: number | null };
type Row = { isTotal: boolean; district: { code: string; name?: string }; values: Cell[] };

// column of one indicator: { districtCode: cell }
function column(report: { rows: Row[]; total: Row }, indicator: string): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const r of [...report.rows, report.total]) out[r.district.code] = r.values.find((c) => c.indicator === indicator) as Cell;
  return out;
}

describe.each(testDatabases())('jointReport on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    setReportConfig({ suppressionThreshold: 5 });
    ds = await freshDatabase(target);
    await insertReportDataset(ds);
    service = await startService(ds);
  });
  afterAll(async () => {
    setReportConfig(undefined);
    await service?.stop();
    await ds?.destroy();
  });

  const report = async (input: Record<string, unknown>, as: Viewer = PROVINCE_ADMIN) => {
    const res = await gql(service, ds, REPORT, { input }, as);
    expect(res.errors).toBeUndefined();
    return { report: res.data.jointReport, statements: res.statements };
  };
  const errorOf = async (input: Record<string, unknown>, as: Viewer = PROVINCE_ADMIN) => {
    const res = await gql(service, ds, REPORT, { input }, as);
    expect(res.errors).toHaveLength(1);
    return res.errors![0];
  };

  it('has a row per city and a total equal to the direct computation, for every indicator', async () => {
    const { report: r } = await report({ period: Y2023, compareTo: Y2022 });
    expect(r.level).toBe('CITY');
    expect(r.parent.code).toBe('640000');
    expect(r.rows.map((row: Row) => row.district.code)).toEqual(['640100', '640200', '640300', '640400', '640500']);
    expect(r.total.isTotal).toBe(true);
    expect(r.metadata.indicators.map((i: any) => i.indicator)).toEqual(INDICATOR_DEFINITIONS.map((d) => d.key));
    const direct = await computeIndicators(ds, service.tree, Y2023);
    const directBefore = await computeIndicators(ds, service.tree, Y2022);
    for (const row of [...r.rows, r.total] as Row[]) {
      for (const cell of row.values) {
        const def = indicatorDefinition(cell.indicator)!;
        expect([row.district.code, cell.indicator, cell.value]).toEqual([row.district.code, cell.indicator, roundFigure(def.format, indicatorValue(def, direct.get(row.district.code)!))]);
        expect(cell.compareValue).toEqual(roundFigure(def.format, indicatorValue(def, directBefore.get(row.district.code)!)));
        expect(cell.suppressed).toBe(false);
      }
    }
  });

  it('compares with the period before and ranks the districts (1 = highest, ties share, the total unranked)', async () => {
    const { report: r } = await report({ period: Y2023, compareTo: Y2022, indicators: ['casesSolved', 'newUsers', 'newUserRate'] });
    const cases = column(r, 'casesSolved');
    const pick = (c: Cell) => [c.value, c.compareValue, c.change, c.relativeChange, c.rank];
    expect(pick(cases['640100'])).toEqual([6, 4, 2, 0.5, 1]);
    expect(pick(cases['640200'])).toEqual([3, 3, 0, 0, 2]);
    expect(pick(cases['640300'])).toEqual([3, 0, 3, null, 2]); // the base is 0: no relative change
    expect(pick(cases['640400'])).toEqual([0, 2, -2, -1, 4]);
    expect(pick(cases['640500'])).toEqual([0, 0, 0, null, 4]);
    expect(pick(cases['640000'])).toEqual([12, 9, 3, 0.3333, null]); // rounded to 4 decimals
    const users = column(r, 'newUsers');
    expect(pick(users['640100'])).toEqual([7, 10, -3, expect.closeTo(-0.3, 12), 2]);
    expect(pick(users['640400'])).toEqual([8, 5, 3, expect.closeTo(0.6, 12), 1]);
    expect(pick(users['640000'])).toEqual([23, 15, 8, 0.5333, null]);
    const rate = column(r, 'newUserRate');
    expect(rate['640500'].value).toBeNull(); // nobody registered: an empty rate, unranked
    expect(rate['640500'].rank).toBeNull();
    expect(rate['640200'].value).toBe(1); // 2 new of 2 registered
    expect(rate['640200'].rank).toBe(1);
    expect(rate['640000'].value).toBe(0.6053); // 23 / 38 rounded to 4 decimals
    expect(r.metadata.indicators.map((i: any) => i.indicator)).toEqual(['casesSolved', 'newUsers', 'newUserRate']);
  });

  it('reports counties below a city, and riskDistribution as four columns', async () => {
    const { report: r } = await report({ period: Y2023, level: 'COUNTY', parentCode: '640100', indicators: ['newUsers', 'riskDistribution'] });
    expect(r.rows.map((row: Row) => row.district.code)).toEqual(['640104', '640105', '640106', '640121', '640122', '640181']);
    expect(r.metadata.indicators.map((i: any) => i.indicator)).toEqual(['newUsers', 'riskDistribution.RED', 'riskDistribution.ORANGE', 'riskDistribution.YELLOW', 'riskDistribution.GREEN']);
    expect(r.metadata.indicators[1]).toMatchObject({ field: 'riskDistribution', riskColour: 'RED', kind: 'PERSON_COUNT', suppressible: true });
    const users = column(r, 'newUsers');
    expect([users['640104'].value, users['640105'].value, users['640106'].value, users['640100'].value]).toEqual([4, 3, 0, 7]);
    expect(r.comparePeriod).toBeNull();
    expect(users['640104'].compareValue).toBeNull();
    expect(users['640104'].change).toBeNull();
  });

  it('suppresses small counts of persons for the provincial office, with the complementary cell; an administrator sees them', async () => {
    const input = { period: Y2023, compareTo: Y2022, indicators: ['casesSolved', 'newUsers', 'registeredUsers', 'newUserRate', 'currentUsers'] };
    const { report: admin } = await report(input);
    const { report: office } = await report(input, OFFICE);
    expect(admin.metadata.suppression).toEqual({ applied: false, threshold: 5, suppressedCells: 0 });
    expect(column(admin, 'newUsers')['640200']).toMatchObject({ value: 2, suppressed: false });

    const users = column(office, 'newUsers');
    // Shizuishan's 2 is below 5; Wuzhong's 6, the smallest other positive city, goes with it, else 2 = 23 - 7 - 6 - 8 - 0
    expect(users['640200']).toMatchObject({ value: null, suppressed: true, change: null, relativeChange: null, rank: null });
    expect(users['640300']).toMatchObject({ value: null, suppressed: true, change: null, rank: null });
    expect(users['640300'].compareValue).toBe(0); // the comparison period has nothing small to hide
    expect(users['640300'].compareSuppressed).toBe(false);
    expect(users['640000']).toMatchObject({ value: 23, suppressed: false, compareValue: 15, change: 8 });
    // ranks among the cells shown
    expect([users['640100'].rank, users['640400'].rank, users['640500'].rank]).toEqual([2, 1, 3]);
    expect(users['640500']).toMatchObject({ value: 0, suppressed: false }); // zero discloses no one
    // rates on a suppressed count are suppressed; cases are not counts of persons
    const rate = column(office, 'newUserRate');
    expect([rate['640200'].suppressed, rate['640300'].suppressed, rate['640100'].suppressed]).toEqual([true, true, false]);
    expect(rate['640100'].value).toBe(0.4118); // 7 / 17 rounded to 4 decimals
    expect(column(office, 'casesSolved')['640200']).toMatchObject({ value: 3, suppressed: false });
    // registered = abstinent + current: Wuzhong's registered 6 is hidden (complementary), so its current 6 is too
    expect(column(office, 'registeredUsers')['640300'].suppressed).toBe(true);
    expect(column(office, 'currentUsers')['640300'].suppressed).toBe(true);
    // no column of the report is left with exactly one hidden district while its total is shown
    for (const name of input.indicators) {
      const cells = office.rows.map((row: Row) => row.values.find((c) => c.indicator === name) as Cell);
      expect([name, cells.filter((c: Cell) => c.suppressed).length]).not.toEqual([name, 1]);
    }
    expect(office.metadata.suppression.applied).toBe(true);
    expect(office.metadata.suppression.suppressedCells).toBeGreaterThanOrEqual(8);
    expect(office.metadata.notes.join('\n')).toContain('1至4人');
  });

  it('keeps the same suppression when a county report is played against the city report', async () => {
    const { report: counties } = await report({ period: Y2023, level: 'COUNTY', indicators: ['newUsers'] }, OFFICE);
    const users = column(counties, 'newUsers');
    // 640104 (4), 640105 (3), 640202 (2) below the threshold; 640302 (6) because Wuzhong is hidden in the city report
    expect(['640104', '640105', '640202', '640302', '640402'].map((c) => users[c].suppressed)).toEqual([true, true, true, true, false]);
    expect(users['640402'].value).toBe(8);
  });

  it('reads one grouped computation per period, whatever the level', async () => {
    const input = { period: Y2023, compareTo: Y2022 };
    const cities = await report(input);
    const counties = await report({ ...input, level: 'COUNTY' });
    expect(counties.report.rows).toHaveLength(22);
    expect(counties.statements).toBe(cities.statements);
    expect(cities.statements).toBeLessThanOrEqual(24);
  });

  it('gives data as of the latest record update, the heroin table and the definitions', async () => {
    const res = await gql(service, ds, `{ jointReport(input: { period: { from: "2023-01-01", to: "2023-12-31" }, indicators: ["seizedHeroinEquivalentKg"] }) {
      metadata { generatedAt dataAsOf dataAsOfBasis heroinEquivalentTable indicators { nameZh nameEn definitionZh definitionEn unitZh unitEn kind } } } }`);
    expect(res.errors).toBeUndefined();
    const m = res.data.jointReport.metadata;
    expect(m.dataAsOfBasis).toBe('LATEST_RECORD_UPDATE');
    expect(Date.parse(m.dataAsOf)).toBeLessThanOrEqual(Date.parse(m.generatedAt) + 1000);
    expect(Date.now() - Date.parse(m.dataAsOf)).toBeLessThan(24 * 3600 * 1000);
    expect(m.heroinEquivalentTable).toBe('SPC-2016');
    expect(m.indicators[0]).toMatchObject({ nameZh: '缴获毒品折合海洛因', unitZh: '千克', unitEn: 'kg', kind: 'QUANTITY' });
    expect(m.indicators[0].definitionZh).toMatch(/[\u4e00-\u9fff]/);
    expect(m.indicators[0].definitionEn).toMatch(/heroin-equivalent factor/);
  });

  it('notes a comparison period of a different length', async () => {
    const { report: r } = await report({ period: Y2023, compareTo: { from: '2022-01-01', to: '2022-06-30' }, indicators: ['casesSolved'] });
    expect(r.comparePeriod).toEqual({ from: '2022-01-01', to: '2022-06-30', days: 181 });
    expect(r.metadata.notes.join('\n')).toMatch(/181 days\) differs in length from the report period \(365 days\)/);
    const { report: same } = await report({ period: Y2023, compareTo: Y2022, indicators: ['casesSolved'] });
    expect(same.metadata.notes.join('\n')).not.toMatch(/differs in length/);
  });

  it('is FORBIDDEN to the auditor and outside the jurisdiction; a city reads its own counties', async () => {
    const input = { period: Y2023, indicators: ['casesSolved'] };
    expect((await errorOf(input, viewer(Role.AUDITOR))).extensions?.code).toBe('FORBIDDEN');
    expect((await errorOf(input, viewer(Role.PROVINCIAL_OFFICE, '640100'))).extensions?.code).toBe('FORBIDDEN');
    expect((await errorOf({ ...input, level: 'COUNTY', parentCode: '640300' }, viewer(Role.JUSTICE, '640100'))).extensions?.code).toBe('FORBIDDEN');
    const { report: own } = await report({ ...input, level: 'COUNTY', parentCode: '640100' }, viewer(Role.PUBLIC_SECURITY, '640100'));
    expect(column(own, 'casesSolved')['640100'].value).toBe(6);
    for (const role of [Role.EMPLOYMENT, Role.JUSTICE]) await report(input, viewer(role));
  });

  it.each([
    [{ indicators: ['casesSolvd'] }, 'input.indicators', /unknown "casesSolvd"/],
    [{ indicators: [] }, 'input.indicators', /at least one/],
    [{ level: 'CITY', parentCode: '640100' }, 'input.parentCode', /640100 is a CITY district/],
    [{ level: 'COUNTY', parentCode: '640104' }, 'input.parentCode', /640104 is a COUNTY district/],
    [{ parentCode: '649999' }, 'input.parentCode', /not a district of Ningxia/],
    [{ parentCode: '64' }, 'input.parentCode', /has 6 digits/],
    [{ period: { from: '2023-12-31', to: '2023-01-01' } }, 'input.period', /is after/],
    [{ period: { from: '2000-01-01', to: '2023-12-31' } }, 'input.period', /longer than 10 years/],
    [{ compareTo: { from: '2022-12-31', to: '2022-01-01' } }, 'input.compareTo', /is after/],
  ])('refuses %j with BAD_USER_INPUT on %s', async (over, argument, message) => {
    const err = await errorOf({ period: Y2023, ...over });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(err.message).toMatch(message);
  });
  // Issue 15 item 6: figures leave the service rounded (shares/ratios 4 decimals, kg/t 3, counts 0),
  // never as float noise like -16.078000000000003.
  it('rounds every value, compare value and change to the precision of its figure', async () => {
    const { report: r } = await report({ period: Y2023, compareTo: Y2022, level: 'COUNTY', parentCode: '640100' });
    const decimals: Record<string, number> = { integer: 0, kilograms: 3, tonnes: 3, share: 4, ratio: 4 };
    const places = (n: number) => (String(n).split('.')[1] ?? '').length;
    let checked = 0;
    for (const row of [...r.rows, r.total] as Row[]) {
      for (const cell of row.values) {
        const max = decimals[indicatorDefinition(cell.indicator)!.format];
        for (const n of [cell.value, cell.compareValue, cell.change]) {
          if (n === null) continue;
          expect({ indicator: cell.indicator, n, places: places(n) <= max }).toEqual({ indicator: cell.indicator, n, places: true });
          checked++;
        }
        if (cell.relativeChange !== null) expect(places(cell.relativeChange)).toBeLessThanOrEqual(4);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
