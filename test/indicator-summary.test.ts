import { DataSource } from 'typeorm';
import { makeIdNumber } from '../src/common/id-number';
import { minusYears, Period } from '../src/common/period';
import { StatementCount, trackStatements } from '../src/common/sql-counter';
import { DistrictTree } from '../src/core/district-tree';
import { IndicatorSums, mergeSums, SUM_FIELDS } from '../src/core/indicator-sums';
import {
  computeIndicatorSums, referenceParts, REFERENCE_STATEMENTS, rollUp, SUMMARY_STATEMENTS, summaryParts,
} from '../src/indicators/indicators.service';
import { addDays, lastDayInWindow } from '../src/indicators/summary/contributions';
import { rebuildIndicatorSummary, refreshPersonIndicatorsNow, setSummaryStale } from '../src/indicators/summary/summary.store';
import { AssistanceOutcome } from '../src/employment/employment.enums';
import { Department } from '../src/ingest/ingest.enums';
import { ProgrammeOutcome } from '../src/justice/justice.enums';
import { SPC2016_TABLE } from '../migrations/reference/heroin-equivalent-spc2016';
import { seedDatabase } from '../src/seed/bulk-insert';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { importBytes } from './helpers/ingest';

// The indicator ledger (src/indicators/summary) must give EXACTLY the figures of the reference
// SQL (the department *.indicators.ts statements) for every district and every period, and stay so
// after every kind of write. Float sums (masses) may differ in the last bits from the summing order.
const FLOAT_FIELDS = new Set(['seizedHeroinEquivalentKg', 'precursorSeizedKg', 'precursorPermittedTonnes']);

async function mismatches(ds: DataSource, tree: DistrictTree, period: Period): Promise<string[]> {
  const codes = tree.all().map((d) => d.code);
  const reference = rollUp(tree, mergeSums(await referenceParts(ds, period, SPC2016_TABLE)));
  const summary = rollUp(tree, mergeSums(await summaryParts(ds, period, SPC2016_TABLE, codes)));
  const out: string[] = [];
  for (const code of codes) {
    const [r, s] = [reference.get(code) as IndicatorSums, summary.get(code) as IndicatorSums];
    for (const f of SUM_FIELDS) {
      const same = FLOAT_FIELDS.has(f) ? Math.abs(r[f] - s[f]) < 1e-6 : r[f] === s[f];
      if (!same) out.push(`${period.from}..${period.to} ${code} ${f}: reference ${r[f]}, summary ${s[f]}`);
    }
  }
  return out;
}

async function allMismatches(ds: DataSource, periods: Period[]): Promise<string[]> {
  const tree = await DistrictTree.load(ds);
  const out: string[] = [];
  for (const p of periods) out.push(...(await mismatches(ds, tree, p)));
  return out;
}

// A weighty share of the registered users at R, so that a comparison that passes is not one of zeros.
async function provinceAt(ds: DataSource, period: Period): Promise<IndicatorSums> {
  const tree = await DistrictTree.load(ds);
  return (await computeIndicatorSums(ds, tree, period)).get('640000') as IndicatorSums;
}

async function ledgerRows(ds: DataSource): Promise<string[]> {
  const rows = await ds.query('SELECT grain, day, metric, district_code, delta FROM indicator_day_total WHERE delta <> 0');
  const contributions = await ds.query('SELECT person_id, entries FROM person_indicator_contribution');
  return [
    ...rows.map((r: any) => `${r.grain} ${String(r.day).slice(0, 10)} ${r.metric} ${r.district_code} ${Number(r.delta)}`),
    ...contributions.map((r: any) => `person ${r.person_id}: ${r.entries}`),
  ].sort();
}

const year = (y: number): Period => ({ from: `${y}-01-01`, to: `${y}-12-31` });
// Reference dates around leap days and the three-year window, periods before any data and after all.
const EDGE_DAYS = ['2020-02-28', '2020-02-29', '2020-03-01', '2021-02-28', '2021-03-01', '2023-02-28', '2023-03-01', '2024-02-28', '2024-02-29', '2024-03-01'];
const PERIODS: Period[] = [
  ...Array.from({ length: 12 }, (_, i) => year(2014 + i)),
  { from: '2000-01-01', to: '2000-12-31' },
  { from: '2030-01-01', to: '2030-12-31' },
  { from: '2016-03-15', to: '2022-08-31' },
  ...EDGE_DAYS.map((to) => ({ from: to, to })), // single days
  ...EDGE_DAYS.map((to) => ({ from: minusYears(to, 1), to })),
  { from: '2019-07-01', to: '2019-07-31' },
];

describe('the three-year window of a day', () => {
  it('ends on the last R whose minusYears(R, 3) is on or before the day, leap days included', () => {
    expect(lastDayInWindow('2022-06-15')).toBe('2025-06-15');
    expect(lastDayInWindow('2021-02-28')).toBe('2024-02-29'); // minusYears(2024-02-29, 3) = 2021-02-28
    expect(lastDayInWindow('2020-02-29')).toBe('2023-02-28');
    expect(lastDayInWindow('2020-02-28')).toBe('2023-02-28');
    for (let d = '2019-12-01'; d < '2021-04-01'; d = addDays(d, 1)) {
      const last = lastDayInWindow(d);
      expect(minusYears(last, 3) <= d && minusYears(addDays(last, 1), 3) > d).toBe(true);
    }
  });
});

describe.each(testDatabases())('indicator ledger on $name', ({ target }) => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 500, seed: 31 }); // rebuilds the ledger at the end
  }, 120_000);
  afterAll(async () => ds?.destroy());

  it('after a seed equals the reference SQL for every district and period, leap days and empty periods included', async () => {
    const before = await provinceAt(ds, year(2022));
    expect(before.registeredUsers).toBeGreaterThan(50);
    expect(before.abstinentThreeYears + before.riskRed + before.openCommunityPersons + before.absconded).toBeGreaterThan(0);
    expect(await allMismatches(ds, PERIODS)).toEqual([]);
  }, 120_000);

  it('stays equal to the reference through fixtures written record by record, at leap-day edges, and equals a rebuild', async () => {
    const f = new Fixtures(ds);
    const a = await f.person({ county: '640104' });
    await f.detection(a, '2020-02-29'); // leaves the window after 2023-02-28
    await f.risk(a, '2020-03-01', 'RED');
    await f.risk(a, '2020-03-01', 'GREEN'); // same day, higher id: GREEN
    const b = await f.person({ county: '640105', deceasedAt: '2024-02-29' });
    await f.detection(b, '2019-01-01');
    const pb = await f.programme(b, 'COMMUNITY_DETOX', '2019-02-01', { endedAt: '2021-02-28', outcome: ProgrammeOutcome.ABSCONDED });
    await f.check(pb, '2021-02-28', 'POSITIVE'); // evidence until 2024-02-29, the day b dies
    await f.programme(b, 'COMMUNITY_REHAB', '2023-03-01'); // ends the absconding
    await f.assistance(b, 'JOB_PLACEMENT', '2023-03-01', { outcome: AssistanceOutcome.EMPLOYED });
    const c = await f.person({ county: '640302', deceasedAt: '2018-01-01' }); // dies before any record
    await f.detection(c, '2019-05-05');
    await f.risk(c, '2019-05-05', 'ORANGE');
    expect(await allMismatches(ds, PERIODS)).toEqual([]);
    const incremental = await ledgerRows(ds);
    const { persons } = await rebuildIndicatorSummary(ds);
    expect(persons).toBeGreaterThan(500);
    expect(await ledgerRows(ds)).toEqual(incremental);
  }, 120_000);

  it('notices a write that skipped the refresh, until the person is refreshed', async () => {
    const f = new Fixtures(ds);
    const p = await f.person({ county: '640106' });
    await ds.query(
      "INSERT INTO drug_use_detection (source_key, person_id, district_code, detected_at, substance, method, disposition) VALUES ('SKIP-1', ?, '640106', '2022-05-05', 'HEROIN', 'URINE', 'ADMINISTRATIVE_DETENTION')",
      [p.id],
    );
    const stale = await allMismatches(ds, [year(2022)]);
    expect(stale).toEqual(expect.arrayContaining([expect.stringContaining('640106 registeredUsers')]));
    await refreshPersonIndicatorsNow(ds, [p.id]);
    expect(await allMismatches(ds, [year(2022)])).toEqual([]);
  }, 60_000);

  it('follows ingested writes: new detection, risk, residence change, programme ended ABSCONDED, new programme, employment, death', async () => {
    const idNumber = makeIdNumber('640104', '1985-03-04', 77);
    const person = { idNumber, name: '王五', residenceDistrictCode: '640104' };
    const periods = [year(2021), year(2022), year(2023), { from: '2022-06-01', to: '2022-09-01' }, { from: '2022-09-02', to: '2022-12-31' }];
    const send = async (department: Department, rows: object[]) => {
      const result = await importBytes(ds, rows.map((r) => JSON.stringify(r)).join('\n') + '\n', { department, format: 'ndjson', source: `summary-${Date.now()}.ndjson` });
      expect([result.rejected, result.read]).toEqual([0, rows.length]);
      const diff = await allMismatches(ds, periods);
      expect(diff).toEqual([]);
    };
    const detection = { recordKind: 'drug-use-detections', districtCode: '640104', substance: 'HEROIN', method: 'URINE', disposition: 'ADMINISTRATIVE_DETENTION' };
    const registered = async (code: string) => {
      const tree = await DistrictTree.load(ds);
      return ((await computeIndicatorSums(ds, tree, year(2022))).get(code) as IndicatorSums).registeredUsers;
    };
    const [before104, before105] = [await registered('640104'), await registered('640105')];
    await send(Department.PUBLIC_SECURITY, [{ ...detection, ...person, sourceKey: 'SUM-D1', detectedAt: '2022-03-01' }]);
    expect(await registered('640104')).toBe(before104 + 1);
    await send(Department.PUBLIC_SECURITY, [
      { recordKind: 'risk-assessments', ...person, sourceKey: 'SUM-R1', districtCode: '640104', assessedAt: '2022-05-01', riskColour: 'RED', controlColour: 'RED' },
      { recordKind: 'risk-assessments', ...person, sourceKey: 'SUM-R2', districtCode: '640104', assessedAt: '2022-05-01', riskColour: 'YELLOW', controlColour: 'RED' },
    ]);
    // moves to Xixia: every figure of the person moves with the residence
    await send(Department.PUBLIC_SECURITY, [{ ...detection, ...person, residenceDistrictCode: '640105', sourceKey: 'SUM-D2', detectedAt: '2022-04-01' }]);
    expect([await registered('640104'), await registered('640105')]).toEqual([before104, before105 + 1]);
    const moved = { ...person, residenceDistrictCode: '640105' };
    const programme = { recordKind: 'rehab-programmes', ...moved, sourceKey: 'SUM-P1', districtCode: '640105', kind: 'COMMUNITY_DETOX', orderedAt: '2022-06-01', reportedAt: '2022-06-02', plannedEndAt: '2025-06-01' };
    await send(Department.JUSTICE, [programme]);
    await send(Department.EMPLOYMENT, [{ recordKind: 'employment-assistance', ...moved, sourceKey: 'SUM-E1', districtCode: '640105', kind: 'JOB_PLACEMENT', startedAt: '2022-07-01', outcome: 'EMPLOYED' }]);
    await send(Department.JUSTICE, [{ ...programme, endedAt: '2022-09-01', outcome: 'ABSCONDED' }]); // the same record, updated
    await send(Department.JUSTICE, [{ ...programme, sourceKey: 'SUM-P2', kind: 'COMMUNITY_REHAB', orderedAt: '2022-11-01', reportedAt: null }]);
    // a death (no ingest path sets it): the writer refreshes the person
    const [{ id }] = await ds.query('SELECT id FROM person WHERE id_number = ?', [idNumber]);
    await ds.query("UPDATE person SET deceased_at = '2022-10-10' WHERE id = ?", [id]);
    await refreshPersonIndicatorsNow(ds, [Number(id)]);
    expect(await allMismatches(ds, periods)).toEqual([]);
    expect(await registered('640105')).toBe(before105);
    const incremental = await ledgerRows(ds);
    await rebuildIndicatorSummary(ds);
    expect(await ledgerRows(ds)).toEqual(incremental);
  }, 120_000);

  it('concurrent imports about the same persons leave the ledger equal to the reference and to a rebuild', async () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ idNumber: makeIdNumber('640121', '1980-01-01', 300 + i), name: `并发${i}`, residenceDistrictCode: '640121' }));
    const ndjson = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const detections = ndjson(people.map((p, i) => ({ recordKind: 'drug-use-detections', ...p, sourceKey: `CC-D${i}`, districtCode: '640121', detectedAt: '2021-04-01', substance: 'HEROIN', method: 'URINE', disposition: 'ADMINISTRATIVE_DETENTION' })));
    const risks = ndjson(people.map((p, i) => ({ recordKind: 'risk-assessments', ...p, sourceKey: `CC-R${i}`, districtCode: '640121', assessedAt: '2021-05-01', riskColour: 'ORANGE', controlColour: 'RED' })));
    const programmes = ndjson(people.map((p, i) => ({ recordKind: 'rehab-programmes', ...p, sourceKey: `CC-P${i}`, districtCode: '640121', kind: 'COMMUNITY_DETOX', orderedAt: '2021-06-01', plannedEndAt: '2024-06-01' })));
    const results = await Promise.all([
      importBytes(ds, detections, { department: Department.PUBLIC_SECURITY, format: 'ndjson', source: 'cc-d.ndjson', batchSize: 7 }),
      importBytes(ds, risks, { department: Department.PUBLIC_SECURITY, format: 'ndjson', source: 'cc-r.ndjson', batchSize: 5 }),
      importBytes(ds, programmes, { department: Department.JUSTICE, format: 'ndjson', source: 'cc-p.ndjson', batchSize: 6 }),
    ]);
    expect(results.map((r) => r.rejected)).toEqual([0, 0, 0]);
    expect(await allMismatches(ds, [year(2021), year(2022)])).toEqual([]);
    const incremental = await ledgerRows(ds);
    await rebuildIndicatorSummary(ds);
    expect(await ledgerRows(ds)).toEqual(incremental);
  }, 120_000);

  it('reads the ledger in SUMMARY_STATEMENTS statements, and the reference SQL while the ledger is stale', async () => {
    const tree = await DistrictTree.load(ds);
    const count = async () => {
      const counter = new StatementCount();
      const sums = await trackStatements(counter, () => computeIndicatorSums(ds, tree, year(2022)));
      return { statements: counter.statements, province: sums.get('640000') as IndicatorSums };
    };
    const fresh = await count();
    expect(fresh.statements).toBe(SUMMARY_STATEMENTS);
    await setSummaryStale(ds.manager, true);
    try {
      const stale = await count();
      expect(stale.statements).toBe(1 + REFERENCE_STATEMENTS);
      expect(stale.province.registeredUsers).toBe(fresh.province.registeredUsers);
      expect(stale.province.abstinentThreeYears).toBe(fresh.province.abstinentThreeYears);
    } finally {
      await setSummaryStale(ds.manager, false);
    }
  });
});
