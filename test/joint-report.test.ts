import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { computeIndicators } from '../src/indicators/indicators.service';
import { INDICATOR_DEFINITIONS, indicatorDefinition, indicatorValue } from '../src/indicators/indicator-definitions';
import { reportColumn, reportColumns } from '../src/reports/report-columns';
import { roundFigure } from '../src/reports/precision';
import { cellNoise, monthsOf } from '../src/indicators/release/release-noise';
import { setReportConfig } from '../src/indicators/release/release-config';
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
    // the indicator ledger's columns first, then the departments' own groups (checked in test/prevention-report.test.ts)
    expect(r.metadata.indicators.map((i: any) => i.indicator)).toEqual(reportColumns().map((d) => d.key));
    expect(r.metadata.indicators.slice(0, INDICATOR_DEFINITIONS.length).map((i: any) => i.indicator)).toEqual(INDICATOR_DEFINITIONS.map((d) => d.key));
    const direct = await computeIndicators(ds, service.tree, Y2023);
    const directBefore = await computeIndicators(ds, service.tree, Y2022);
    for (const row of [...r.rows, r.total] as Row[]) {
      for (const cell of row.values.slice(0, INDICATOR_DEFINITIONS.length)) {
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

  // What the office must get (docs/RELEASE-RULES.md), worked out from the administrator's true county
  // figures and the keyed noise: each county's count plus the noise of its months, a city's and the
  // province's count the sum of their counties'; below the threshold (5) withheld.
  const COUNTIES_OF: Record<string, string[]> = { '640100': ['640104', '640105', '640106', '640121', '640122', '640181'] };
  async function expectedNoisy(indicator: 'newUsers' | 'drugUseDetections', period = Y2023): Promise<Record<string, number>> {
    const { report: admin } = await report({ period, level: 'COUNTY', indicators: [indicator] });
    const out: Record<string, number> = {};
    for (const row of admin.rows as Row[]) {
      const noise = monthsOf(period).reduce((n, m) => n + cellNoise(indicator, row.district.code, m), 0);
      out[row.district.code] = (row.values[0].value as number) + noise;
      const city = `${row.district.code.slice(0, 4)}00`;
      out[city] = (out[city] ?? 0) + out[row.district.code];
      out['640000'] = (out['640000'] ?? 0) + out[row.district.code];
    }
    return out;
  }

  it('releases noisy counts of persons to the provincial office, withheld below the threshold with complementary cells; an administrator sees the true ones', async () => {
    const input = { period: Y2023, compareTo: Y2022, indicators: ['casesSolved', 'newUsers', 'registeredUsers', 'newUserRate', 'abstinentThreeYears', 'currentUsers'] };
    const { report: admin } = await report(input);
    const { report: office } = await report(input, OFFICE);
    expect(admin.metadata.suppression).toEqual({ applied: false, threshold: 5, suppressedCells: 0 });
    expect(column(admin, 'newUsers')['640200']).toMatchObject({ value: 2, suppressed: false });

    const expected = await expectedNoisy('newUsers');
    const users = column(office, 'newUsers');
    let shown = 0;
    for (const [code, cell] of Object.entries(users)) {
      if (expected[code] < 5) expect([code, cell.suppressed, cell.value, cell.rank]).toEqual([code, true, null, null]);
      if (!cell.suppressed) {
        expect([code, cell.value]).toEqual([code, expected[code]]);
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect(users['640000'].value).not.toBe(23); // the province's 23 new users carry the sum of the counties' noise
    // no column of the report is left with exactly one hidden district while its total is shown
    for (const name of input.indicators) {
      const cells = office.rows.map((row: Row) => row.values.find((c) => c.indicator === name) as Cell);
      if (!column(office, name)['640000'].suppressed) expect([name, cells.filter((c: Cell) => c.suppressed).length]).not.toEqual([name, 1]);
    }
    // rates from the noisy counts, withheld with either part; cases are not counts of persons
    const rate = column(office, 'newUserRate');
    const registered = column(office, 'registeredUsers');
    for (const code of Object.keys(rate)) {
      if (users[code].suppressed || registered[code].suppressed) expect([code, rate[code].suppressed]).toEqual([code, true]);
      else expect([code, rate[code].value]).toEqual([code, roundFigure('share', (users[code].value as number) / (registered[code].value as number))]);
    }
    expect(column(office, 'casesSolved')['640200']).toMatchObject({ value: 3, suppressed: false });
    // registered = abstinent + current in every row where all three are shown
    const abstinent = column(office, 'abstinentThreeYears');
    const current = column(office, 'currentUsers');
    for (const code of Object.keys(registered)) {
      if (![registered, abstinent, current].some((c) => c[code].suppressed)) {
        expect([code, registered[code].value]).toEqual([code, (abstinent[code].value as number) + (current[code].value as number)]);
      }
    }
    expect(office.metadata.suppression.applied).toBe(true);
    expect(office.metadata.suppression.suppressedCells).toBeGreaterThan(0);
    expect(office.metadata.notes.join('\n')).toContain('±1或±2');
  });

  it('gives the office the same figure for a district in every report: cities add up from their counties', async () => {
    const { report: cities } = await report({ period: Y2023, indicators: ['drugUseDetections'] }, OFFICE);
    const { report: counties } = await report({ period: Y2023, level: 'COUNTY', indicators: ['drugUseDetections'] }, OFFICE);
    const { report: yinchuan } = await report({ period: Y2023, level: 'COUNTY', parentCode: '640100', indicators: ['drugUseDetections'] }, OFFICE);
    const expected = await expectedNoisy('drugUseDetections');
    const all = { ...column(cities, 'drugUseDetections'), ...column(counties, 'drugUseDetections') };
    for (const [code, cell] of Object.entries(all)) expect([code, cell.value]).toEqual([code, expected[code] < 5 ? null : expected[code]]);
    // the same cell is withheld or shown alike whichever report asks for it
    for (const [code, cell] of Object.entries(column(yinchuan, 'drugUseDetections'))) {
      expect([code, cell.suppressed, cell.value]).toEqual([code, all[code].suppressed, all[code].value]);
    }
    expect(COUNTIES_OF['640100'].filter((c) => c in all)).toHaveLength(6);
  });

  it('refuses a period of the office that is not whole calendar months (BAD_USER_INPUT, rule WHOLE_MONTHS); other roles keep any days', async () => {
    for (const [over, argument] of [
      [{ period: { from: '2023-01-02', to: '2023-12-31' } }, 'input.period'],
      [{ period: { from: '2023-01-01', to: '2023-12-30' } }, 'input.period'],
      [{ period: { from: '2023-02-01', to: '2023-02-27' } }, 'input.period'],
      [{ compareTo: { from: '2022-01-01', to: '2022-06-29' } }, 'input.compareTo'],
    ] as Array<[Record<string, unknown>, string]>) {
      const err = await errorOf({ period: Y2023, indicators: ['newUsers'], ...over }, OFFICE);
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, rule: 'WHOLE_MONTHS' });
      await report({ period: Y2023, indicators: ['newUsers'], ...over });
    }
    await report({ period: { from: '2024-02-01', to: '2024-02-29' }, indicators: ['newUsers'] }, OFFICE);
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
        const max = decimals[reportColumn(cell.indicator)!.format];
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
