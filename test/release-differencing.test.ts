// Issue 14 item 15: figures released to aggregate-only roles survive differencing. An attacker with the
// provincial office's token asks for monthly, quarterly, yearly and cumulative (January to month M)
// reports at province, city and county level over the busiest year of the calibrated data, and works
// out every withheld cell it can by differencing (test/helpers/differencing.ts). On the release it
// recovers no withheld count exactly; the same attack on the true figures with small-cell suppression
// alone (the previous release, run here in-process) does.
import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { Period } from '../src/common/period';
import { DistrictLevel } from '../src/core/district.entity';
import { DistrictTree } from '../src/core/district-tree';
import { computeIndicatorSums } from '../src/indicators/indicators.service';
import { INDICATOR_DEFINITIONS } from '../src/indicators/indicator-definitions';
import { COLUMN_KIND } from '../src/indicators/release/release-noise';
import { setReportConfig } from '../src/indicators/release/release-config';
import { BaseColumn, baseValues, suppressSmallCells } from '../src/indicators/release/suppression';
import { seedCalibrated } from '../src/seed/calibrated';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, startService } from './helpers/graphql';
import { consistentTrueValues, differencingAttack, ReleasedCell } from './helpers/differencing';

const THRESHOLD = 5;
const OFFICE: Viewer = { sub: 'attacker', name: 'Attacker', role: Role.PROVINCIAL_OFFICE, district: '640000', purpose: null };
const REPORT = `query($input: JointReportInput!) { jointReport(input: $input) {
  total { district { code } values { indicator value suppressed } }
  rows { district { code } values { indicator value suppressed } } } }`;

// the counts of persons a report shows, by column key -> base column
const SHOWN = new Map(INDICATOR_DEFINITIONS.filter((d) => d.persons).map((d) => [d.key, d.persons as BaseColumn]));
const EXECUTED: BaseColumn = 'communityOrdersExecuted'; // shown through communityExecutionRate x communityOrders

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

// Months, quarters, the year and the cumulative periods January .. M of one year.
function attackPeriods(y: number): Period[] {
  const out: Period[] = [];
  for (let m = 1; m <= 12; m++) out.push({ from: `${y}-${pad(m)}-01`, to: monthEnd(y, m) });
  for (let q = 0; q < 4; q++) out.push({ from: `${y}-${pad(3 * q + 1)}-01`, to: monthEnd(y, 3 * q + 3) });
  for (let m = 2; m <= 12; m++) out.push({ from: `${y}-01-01`, to: monthEnd(y, m) });
  return out;
}

describe.each(testDatabases())('differencing attack on the released figures on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  let tree: DistrictTree;
  let year: number;
  const countiesOf = (code: string) => tree.descendantCodes(code).filter((c) => tree.get(c)?.level === DistrictLevel.COUNTY);

  beforeAll(async () => {
    setReportConfig({ suppressionThreshold: THRESHOLD });
    ds = await freshDatabase(target);
    await seedCalibrated(ds, 'ningxia-2022');
    service = await startService(ds);
    tree = service.tree;
    // the busiest year: the most person-count events (detections, arrests, new users, admissions)
    const activity: Array<[number, number]> = [];
    for (let y = 2017; y <= 2022; y++) {
      const s = (await computeIndicatorSums(ds, tree, { from: `${y}-01-01`, to: `${y}-12-31` })).get('640000')!;
      activity.push([y, s.drugUseDetections + s.suspectsArrested + s.newUsers + s.compulsoryIsolationAdmissions]);
    }
    year = activity.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    process.stdout.write(`differencing attack on ${target.kind}: busiest year ${year} (${activity.map(([y, n]) => `${y}: ${n}`).join(', ')})\n`);
  }, 300_000);

  afterAll(async () => {
    setReportConfig(undefined);
    await service?.stop();
    await ds?.destroy();
  });

  // What the office's reports release: CITY rows and COUNTY rows under the province, and the total.
  async function releasedByReports(periods: Period[]): Promise<ReleasedCell[]> {
    const cells = new Map<string, ReleasedCell>();
    for (const period of periods) {
      for (const level of ['CITY', 'COUNTY']) {
        const res = await gql(service, ds, REPORT, { input: { period, level } }, OFFICE);
        expect(res.errors).toBeUndefined();
        for (const row of [res.data.jointReport.total, ...res.data.jointReport.rows]) {
          const byKey = new Map<string, { value: number | null; suppressed: boolean }>(row.values.map((c: any) => [c.indicator, c]));
          const put = (column: BaseColumn, value: number | null) => cells.set(`${row.district.code}|${period.from}|${period.to}|${column}`, { district: row.district.code, period, column, value });
          for (const [key, column] of SHOWN) put(column, byKey.get(key)!.suppressed ? null : byKey.get(key)!.value);
          const orders = byKey.get('communityOrders')!.value;
          const rate = byKey.get('communityExecutionRate')!.value;
          // a rate rounded to 4 decimals gives its numerator back exactly while the denominator is below 5,000
          put(EXECUTED, orders !== null && rate !== null && orders < 5000 ? Math.round(rate * orders) : null);
        }
      }
    }
    return [...cells.values()];
  }

  // The previous release: true counts with small-cell suppression only, the same cells.
  async function suppressedOnly(periods: Period[]): Promise<{ cells: ReleasedCell[]; truth: Map<string, number> }> {
    const cells: ReleasedCell[] = [];
    const truth = new Map<string, number>();
    for (const period of periods) {
      const sums = await computeIndicatorSums(ds, tree, period);
      const values = new Map([...sums].map(([code, s]) => [code, baseValues(s)]));
      const hidden = suppressSmallCells(tree, values, THRESHOLD);
      for (const [code, v] of values) {
        for (const column of [...SHOWN.values(), EXECUTED]) {
          const withheld = hidden.get(code)!.has(column) || (column === EXECUTED && hidden.get(code)!.has('communityOrders'));
          cells.push({ district: code, period, column, value: withheld ? null : v[column] });
          truth.set(`${code}|${period.from}|${period.to}|${column}`, v[column]);
        }
      }
    }
    return { cells, truth };
  }

  it('recovers withheld counts exactly from true figures with suppression alone, and none from the release', async () => {
    const periods = attackPeriods(year);
    const old = await suppressedOnly(periods);
    const oldAttack = differencingAttack(old.cells, countiesOf);
    let oldRecovered = 0;
    for (const { cell, value } of oldAttack.determined) {
      // the attacker's value is the true one: the differencing is exact
      expect([cell.district, cell.column, value]).toEqual([cell.district, cell.column, old.truth.get(`${cell.district}|${cell.period.from}|${cell.period.to}|${cell.column}`)]);
      if (value >= 1) oldRecovered++;
    }

    const released = await releasedByReports(periods);
    const attack = differencingAttack(released, countiesOf);
    const recovered = attack.determined.filter(({ value, cells }) => {
      const candidates = consistentTrueValues(value, cells);
      return candidates.length === 1 && candidates[0] >= 1;
    });
    const kinds = (list: typeof attack.determined) => Object.entries(list.reduce<Record<string, number>>((n, d) => ({ ...n, [COLUMN_KIND[d.cell.column]]: (n[COLUMN_KIND[d.cell.column]] ?? 0) + 1 }), {}));
    process.stdout.write(
      `differencing attack on ${target.kind}, ${year}, ${periods.length} periods x 28 districts:\n` +
        `  suppression only: ${oldAttack.withheld} withheld, ${oldAttack.determined.length} determined by differencing ${JSON.stringify(kinds(oldAttack.determined))}, ${oldRecovered} recovered exactly (>= 1)\n` +
        `  release: ${attack.withheld} withheld, ${attack.determined.length} determined as noisy sums ${JSON.stringify(kinds(attack.determined))}, ${recovered.length} recovered exactly\n`,
    );
    expect(oldRecovered).toBeGreaterThan(0);
    expect(attack.withheld).toBeGreaterThan(0);
    expect(recovered).toEqual([]);
  }, 300_000);

  it('releases figures that add up: cities from counties, quarters and the year from months (flows), registered = abstinent + current', async () => {
    const periods = attackPeriods(year);
    const cells = await releasedByReports(periods);
    const raw = new Map<string, number>(); // before suppression: the same release as an unwithheld sum is checked where shown
    for (const c of cells) if (c.value !== null) raw.set(`${c.district}|${c.period.from}|${c.period.to}|${c.column}`, c.value);
    const get = (d: string, p: Period, c: BaseColumn) => raw.get(`${d}|${p.from}|${p.to}|${c}`);
    let checked = 0;
    const sumOf = (values: Array<number | undefined>) => (values.every((v) => v !== undefined) ? values.reduce((a, b) => (a as number) + (b as number), 0) : undefined);
    for (const p of periods) {
      for (const column of SHOWN.values()) {
        for (const parent of ['640000', ...tree.children('640000').map((c) => c.code)]) {
          const whole = get(parent, p, column);
          const parts = sumOf(tree.children(parent).map((c) => get(c.code, p, column)));
          if (whole !== undefined && parts !== undefined) {
            expect([parent, p, column, parts]).toEqual([parent, p, column, whole]);
            checked++;
          }
        }
      }
    }
    const months = periods.slice(0, 12);
    for (const column of [...SHOWN.values()].filter((c) => COLUMN_KIND[c] === 'FLOW')) {
      for (const code of tree.all().map((d) => d.code)) {
        for (const [p, inside] of [...periods.slice(12, 16).map((q, i) => [q, months.slice(3 * i, 3 * i + 3)] as const), [periods[periods.length - 1], months] as const]) {
          const whole = get(code, p, column);
          const parts = sumOf(inside.map((m) => get(code, m, column)));
          if (whole !== undefined && parts !== undefined) {
            expect([code, p, column, parts]).toEqual([code, p, column, whole]);
            checked++;
          }
        }
      }
    }
    for (const c of cells.filter((x) => x.column === 'registeredUsers' && x.value !== null)) {
      const [a, b] = [get(c.district, c.period, 'abstinentThreeYears'), get(c.district, c.period, 'currentUsers')];
      if (a !== undefined && b !== undefined) expect(a + b).toBe(c.value);
    }
    expect(checked).toBeGreaterThan(200);
  }, 300_000);

  it('answers the same request twice with the same figures (no averaging over repeated requests)', async () => {
    const input = { period: { from: `${year}-03-01`, to: `${year}-03-31` }, level: 'COUNTY' };
    const [a, b] = [await gql(service, ds, REPORT, { input }, OFFICE), await gql(service, ds, REPORT, { input }, OFFICE)];
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
  });
});
