// Issue 15 item 3: what each role gets from District.indicators at province, city and county level.
// Roles with person-level access read the true figures; the provincial office reads every indicator as
// the joint report releases it (docs/RELEASE-RULES.md): the same figures, small ones withheld (null),
// never a count from 1 to threshold - 1; the auditor reads no district at all.
import { GraphQLObjectType, isNonNullType } from 'graphql';
import { DataSource } from 'typeorm';
import { ruleFor } from '../src/policy/access-rules';
import { createSchema } from '../src/schema';
import { Role, ROLES, Viewer } from '../src/policy/viewer';
import { computeIndicators, SUMMARY_STATEMENTS } from '../src/indicators/indicators.service';
import { INDICATOR_DEFINITIONS, indicatorValue } from '../src/indicators/indicator-definitions';
import { roundFigure } from '../src/reports/precision';
import { setReportConfig } from '../src/indicators/release/release-config';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, startService } from './helpers/graphql';
import { insertReportDataset } from './helpers/report-dataset';

const THRESHOLD = 5;
const Y2023 = { from: '2023-01-01', to: '2023-12-31' };
const FIELDS = INDICATOR_DEFINITIONS.map((d) => d.field)
  .filter((f, i, all) => all.indexOf(f) === i)
  .map((f) => (f === 'riskDistribution' ? 'riskDistribution { colour persons }' : f));
const QUERY = `query($code: String!, $period: PeriodInput!) { district(code: $code) { code name indicators(period: $period) { from to ${FIELDS.join(' ')} } } }`;
const LEVELS = [
  ['province', '640000'],
  ['city', '640100'],
  ['county', '640104'],
] as const;
const viewer = (role: Role): Viewer => ({ sub: `test-${role}`, name: role, role, district: '640000', purpose: 'automated test' });

describe('District.indicators in the schema', () => {
  it('is nullable wherever a reader of District.indicators may be refused or a figure withheld', async () => {
    const schema = await createSchema();
    const readers = ROLES.filter((r) => ruleFor('District', 'indicators')?.includes(r));
    // riskDistribution is a list; its RiskCount.persons are what is withheld
    const persons = new Set(INDICATOR_DEFINITIONS.filter((d) => (d.persons || d.numerator) && d.field !== 'riskDistribution').map((d) => d.field as string));
    const wrong: string[] = [];
    for (const typeName of ['DistrictIndicators', 'RiskCount']) {
      for (const field of Object.values((schema.getType(typeName) as GraphQLObjectType).getFields())) {
        const restricted = readers.some((r) => !ruleFor(typeName, field.name)?.includes(r));
        const withheld = typeName === 'RiskCount' ? field.name === 'persons' : persons.has(field.name);
        if ((restricted || withheld) && isNonNullType(field.type)) wrong.push(`${typeName}.${field.name}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(readers).toContain(Role.PROVINCIAL_OFFICE);
  });

  it('has a definition for every figure, so that the release covers every field the office reads', async () => {
    const schema = await createSchema();
    const fields = Object.keys((schema.getType('DistrictIndicators') as GraphQLObjectType).getFields());
    const defined = new Set(INDICATOR_DEFINITIONS.map((d) => d.field as string));
    expect(fields.filter((f) => !['from', 'to', 'heroinEquivalentTable'].includes(f) && !defined.has(f))).toEqual([]);
  });
});

describe.each(testDatabases())('District.indicators per role on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    setReportConfig({ suppressionThreshold: THRESHOLD });
    ds = await freshDatabase(target);
    await insertReportDataset(ds);
    service = await startService(ds);
  });
  afterAll(async () => {
    setReportConfig(undefined);
    await service?.stop();
    await ds?.destroy();
  });

  // The office's joint report for the same period, every figure by district code and column key.
  async function officeReport(): Promise<Map<string, Map<string, number | null>>> {
    const out = new Map<string, Map<string, number | null>>();
    for (const input of [{ period: Y2023, level: 'CITY' }, { period: Y2023, level: 'COUNTY', parentCode: '640100' }]) {
      const res = await gql(service, ds, 'query($input: JointReportInput!) { jointReport(input: $input) { total { district { code } values { indicator value } } rows { district { code } values { indicator value } } } }', { input }, viewer(Role.PROVINCIAL_OFFICE));
      expect(res.errors).toBeUndefined();
      for (const row of [res.data.jointReport.total, ...res.data.jointReport.rows]) {
        out.set(row.district.code, new Map(row.values.map((c: { indicator: string; value: number | null }) => [c.indicator, c.value])));
      }
    }
    return out;
  }

  it.each(ROLES)('%s at province, city and county level', async (role) => {
    const truth = await computeIndicators(ds, service.tree, Y2023);
    const report = role === Role.PROVINCIAL_OFFICE ? await officeReport() : null;
    for (const [level, code] of LEVELS) {
      const res = await gql(service, ds, QUERY, { code, period: Y2023 }, viewer(role));
      if (role === Role.AUDITOR) {
        // the auditor reads the audit trail only: the district is null with FORBIDDEN
        expect([level, res.data?.district, res.errors?.map((e) => e.extensions?.code)]).toEqual([level, null, ['FORBIDDEN']]);
        continue;
      }
      expect([level, res.errors]).toEqual([level, undefined]);
      const got = res.data.district.indicators;
      for (const def of INDICATOR_DEFINITIONS) {
        const value = indicatorValue(def, got);
        if (report) {
          // exactly the joint report's figure (rounded as the report rounds it); a count of persons is
          // withheld (null) or at least the threshold
          expect([level, def.key, roundFigure(def.format, value)]).toEqual([level, def.key, report.get(code)!.get(def.key)]);
          if (def.persons && value !== null) expect([level, def.key, value >= THRESHOLD]).toEqual([level, def.key, true]);
        } else {
          expect([level, def.key, value]).toEqual([level, def.key, indicatorValue(def, truth.get(code)!)]);
        }
      }
    }
  });

  it('gives the office true figures where they are not counts of persons, and withholds small counts of persons', async () => {
    const res = await gql(service, ds, QUERY, { code: '640202', period: Y2023 }, viewer(Role.PROVINCIAL_OFFICE));
    expect(res.errors).toBeUndefined();
    const d = res.data.district.indicators;
    expect(d.casesSolved).toBe(3); // cases are not persons
    expect(d.newUsers).toBeNull(); // Dawukou's 2 new users (plus noise) stay below 5
    expect(d.newUserRate).toBeNull();
    expect(d.riskDistribution.map((r: { persons: number | null }) => r.persons)).toEqual([null, null, null, null]);
  });

  it('gives the office nothing to average: a stock that stays the same over many months is released the same every month', async () => {
    const ends = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'];
    const ask = (role: Role, to: string) => gql(service, ds, '{ district(code: "640104") { indicators(period: { from: "2023-01-01", to: "' + to + '" }) { registeredUsers currentUsers employmentAssisted } } }', {}, viewer(role));
    const byTruth = new Map<string, Set<string>>();
    for (const end of ends) {
      const [truth, released] = await Promise.all([ask(Role.ADMIN, `2023-${end}`), ask(Role.PROVINCIAL_OFFICE, `2023-${end}`)]);
      for (const field of ['registeredUsers', 'currentUsers', 'employmentAssisted']) {
        const key = `${field}=${truth.data.district.indicators[field]}`;
        if (!byTruth.has(key)) byTruth.set(key, new Set());
        byTruth.get(key)?.add(String(released.data.district.indicators[field]));
      }
    }
    // some true value recurs over months (else the test proves nothing), and never gets two releases
    expect(ends.length * 3).toBeGreaterThan(byTruth.size);
    expect([...byTruth].filter(([, releases]) => releases.size > 1)).toEqual([]);
  });

  it('refuses the office a period that is not whole months: indicators null with BAD_USER_INPUT, the rest arrives', async () => {
    const res = await gql(service, ds, QUERY, { code: '640000', period: { from: '2023-01-01', to: '2023-06-15' } }, viewer(Role.PROVINCIAL_OFFICE));
    expect(res.data.district).toMatchObject({ code: '640000', indicators: null });
    expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.rule, e.path?.join('.')])).toEqual([['BAD_USER_INPUT', 'WHOLE_MONTHS', 'district.indicators']]);
    const admin = await gql(service, ds, QUERY, { code: '640000', period: { from: '2023-01-01', to: '2023-06-15' } }, viewer(Role.ADMIN));
    expect(admin.errors).toBeUndefined();
  });

  it("computes the office's release once per request: every district costs the statements of one", async () => {
    const all = `query($period: PeriodInput!) { districts { code indicators(period: $period) { newUsers registeredUsers newUserRate riskDistribution { persons } } } }`;
    const one = `query($period: PeriodInput!) { district(code: "640104") { code indicators(period: $period) { newUsers registeredUsers newUserRate riskDistribution { persons } } } }`;
    const office = viewer(Role.PROVINCIAL_OFFICE);
    const many = await gql(service, ds, all, { period: Y2023 }, office);
    const single = await gql(service, ds, one, { period: Y2023 }, office);
    expect(many.errors).toBeUndefined();
    expect(many.data.districts.length).toBeGreaterThan(20);
    expect(many.statements).toBe(single.statements);
    expect(many.statements).toBeLessThanOrEqual(SUMMARY_STATEMENTS);
  });
});
