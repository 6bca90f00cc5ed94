import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, startService } from './helpers/graphql';

// The fourth source: prevention and education records per district (no person data), read through
// District by the provincial office and every department, batched, rolled up the district tree.
const asRole = (role: Role, district = '640000'): Viewer => ({ sub: `t-${role}`, name: role, role, district, purpose: null });
const YEAR = { from: '2022-01-01', to: '2022-12-31' };

describe.each(testDatabases())('prevention and education on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    const insert = (sql: string, rows: unknown[][]) => Promise.all(rows.map((r) => ds.query(sql, r)));
    await insert('INSERT INTO education_base (source_key, district_code, name, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)', [
      ['B1', '640104', '兴庆区禁毒教育馆', '2019-06-26', null],
      ['B2', '640106', '金凤区禁毒教育基地', '2020-06-26', null],
      ['B3', '640402', '原州区禁毒教育基地', '2021-06-26', '2022-03-01'], // closed before the end of 2022
      ['B4', '640402', '原州区禁毒主题公园', '2023-01-05', null], // opened after it
    ]);
    await insert('INSERT INTO publicity_event (source_key, district_code, title, kind, held_at, participants) VALUES (?, ?, ?, ?, ?, ?)', [
      ['E1', '640104', '6·26集中宣传', 'CAMPAIGN', '2022-06-26', 400],
      ['E2', '640106', '禁毒讲座', 'LECTURE', '2022-03-10', 60],
      ['E3', '640402', '知识竞赛', 'COMPETITION', '2022-11-02', 140],
      ['E4', '640402', '知识竞赛', 'COMPETITION', '2021-11-02', 999], // outside the period
    ]);
    await insert('INSERT INTO school_session (source_key, district_code, school, held_at, students, quiz_taken, quiz_passed) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      ['S1', '640104', '银川一中', '2022-04-01', 200, 180, 171],
      ['S2', '640402', '固原一中', '2022-10-01', 100, null, null],
    ]);
    service = await startService(ds);
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  const FIGURES = 'educationBases publicityEvents publicityParticipants publicityEventsPer10kResidents participantsPer10kResidents schoolSessions studentsReached studentAwarenessRate';

  it.each([Role.PROVINCIAL_OFFICE, Role.PUBLIC_SECURITY, Role.JUSTICE, Role.EMPLOYMENT, Role.ADMIN])('%s reads the figures at province, city and county level', async (role) => {
    const res = await gql(service, ds, `query($p: PeriodInput!) { district(code: "640000") { preventionIndicators(period: $p) { ${FIGURES} } children { code preventionIndicators(period: $p) { ${FIGURES} } children { code preventionIndicators(period: $p) { ${FIGURES} } } } } }`, { p: YEAR }, asRole(role));
    expect(res.errors).toBeUndefined();
    const province = res.data.district.preventionIndicators;
    expect(province).toMatchObject({ educationBases: 2, publicityEvents: 3, publicityParticipants: 600, schoolSessions: 2, studentsReached: 300, studentAwarenessRate: 0.95 });
    const yinchuan = res.data.district.children.find((c: any) => c.code === '640100');
    expect(yinchuan.preventionIndicators).toMatchObject({ educationBases: 2, publicityEvents: 2, publicityParticipants: 460 });
    const yuanzhou = res.data.district.children.find((c: any) => c.code === '640400').children.find((c: any) => c.code === '640402');
    expect(yuanzhou.preventionIndicators).toMatchObject({ educationBases: 0, publicityEvents: 1, publicityParticipants: 140, studentAwarenessRate: null });
    // per 10,000 residents, from the census population of the district
    const [{ population }] = await ds.query("SELECT population FROM district WHERE code = '640000'");
    expect(province.publicityEventsPer10kResidents).toBe(Number(((3 * 10000) / Number(population)).toFixed(2)));
    // every district sums to its parent
    for (const city of res.data.district.children) {
      const sum = city.children.reduce((s: number, c: any) => s + c.preventionIndicators.publicityParticipants, 0);
      expect([city.code, sum]).toEqual([city.code, city.preventionIndicators.publicityParticipants]);
    }
  });

  it('withholds the awareness rate of fewer than 10 quiz takers: it would tell their results', async () => {
    await ds.query('INSERT INTO school_session (source_key, district_code, school, held_at, students, quiz_taken, quiz_passed) VALUES (?, ?, ?, ?, ?, ?, ?)', ['S-FEW', '640205', '惠农小学', '2021-05-01', 30, 2, 1]);
    const res = await gql(service, ds, '{ district(code: "640205") { preventionIndicators(period: { from: "2021-01-01", to: "2021-12-31" }) { studentsReached studentAwarenessRate } } }', {}, asRole(Role.PROVINCIAL_OFFICE));
    expect(res.data.district.preventionIndicators).toEqual({ studentsReached: 30, studentAwarenessRate: null });
  });

  it('batches: the figures of all 28 districts cost two statements', async () => {
    const res = await gql(service, ds, '{ districts { code preventionIndicators(period: { from: "2022-01-01", to: "2022-12-31" }) { publicityEvents } educationBases { name } } }', {}, asRole(Role.PROVINCIAL_OFFICE));
    expect(res.errors).toBeUndefined();
    expect(res.data.districts.length).toBeGreaterThanOrEqual(28);
    expect(res.statements).toBe(2); // the grouped sums of the three tables + one read of the bases
  });

  it('lists events and sessions of a district by page', async () => {
    const first = await gql(service, ds, '{ district(code: "640000") { publicityEvents(period: { from: "2021-01-01", to: "2022-12-31" }, first: 3) { totalCount nodes { title participants } pageInfo { hasNextPage endCursor } } } }', {}, asRole(Role.PROVINCIAL_OFFICE));
    expect(first.errors).toBeUndefined();
    const page = first.data.district.publicityEvents;
    expect([page.totalCount, page.nodes.length, page.pageInfo.hasNextPage]).toEqual([4, 3, true]);
    const next = await gql(service, ds, `{ district(code: "640000") { publicityEvents(period: { from: "2021-01-01", to: "2022-12-31" }, after: "${page.pageInfo.endCursor}") { nodes { participants } } schoolSessions(period: { from: "2022-01-01", to: "2022-12-31" }) { totalCount nodes { school students quizPassed } } } }`, {}, asRole(Role.PROVINCIAL_OFFICE));
    expect(next.data.district.publicityEvents.nodes).toHaveLength(1);
    expect(next.data.district.schoolSessions.totalCount).toBe(2);
  });

  it('is not for the auditor, who reads no district at all: null with FORBIDDEN', async () => {
    const res = await gql(service, ds, '{ district(code: "640104") { name preventionIndicators(period: { from: "2022-01-01", to: "2022-12-31" }) { publicityEvents } } }', {}, asRole(Role.AUDITOR));
    expect(res.data?.district ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    const res = await gql(service, ds, '{ district(code: "640000") { preventionIndicators(period: { from: "2022-12-31", to: "2022-01-01" }) { publicityEvents } } }', {}, asRole(Role.ADMIN));
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is a column group of the joint report: the same figures per row and total, unsuppressed for the office, with their group and kind', async () => {
    const query = `query($input: JointReportInput!, $p: PeriodInput!) {
      jointReport(input: $input) { rows { district { code preventionIndicators(period: $p) { ${FIGURES} } } values { indicator value suppressed compareValue } }
        total { district { code preventionIndicators(period: $p) { ${FIGURES} } } values { indicator value suppressed compareValue } }
        metadata { indicators { indicator field group groupLabel kind suppressible } } } }`;
    const input = { period: YEAR, compareTo: { from: '2021-01-01', to: '2021-12-31' }, level: 'COUNTY', parentCode: '640400' };
    for (const role of [Role.PROVINCIAL_OFFICE, Role.ADMIN]) {
      const res = await gql(service, ds, query, { input, p: YEAR }, asRole(role));
      expect(res.errors).toBeUndefined();
      const report = res.data.jointReport;
      const columns = report.metadata.indicators.filter((i: any) => i.group === 'prevention');
      expect(columns.map((c: any) => c.indicator)).toEqual(FIGURES.split(' '));
      expect(columns.every((c: any) => c.field === c.indicator && !c.suppressible && c.groupLabel.includes('Prevention'))).toBe(true);
      expect(columns.find((c: any) => c.indicator === 'publicityParticipants').kind).toBe('ATTENDANCE');
      for (const row of [...report.rows, report.total]) {
        const cells = row.values.filter((v: any) => FIGURES.split(' ').includes(v.indicator));
        expect(cells.map((c: any) => [c.indicator, c.value, c.suppressed])).toEqual(FIGURES.split(' ').map((k) => [k, row.district.preventionIndicators[k], false]));
      }
      const yuanzhou = report.rows.find((r: any) => r.district.code === '640402').values;
      expect(yuanzhou.find((v: any) => v.indicator === 'publicityParticipants')).toMatchObject({ value: 140, compareValue: 999 });
      expect(report.total.values.find((v: any) => v.indicator === 'publicityEvents').value).toBe(1);
    }
  });

  it('is imported like every source: the office sends publicity events and school lessons, other roles may not, bad rows are quarantined', async () => {
    const office = { ...asRole(Role.PROVINCIAL_OFFICE), purpose: 'prevention report' };
    const send = `mutation($e: [PublicityEventInput!]!, $s: [SchoolSessionInput!]!) {
      upsertPublicityEvents(input: $e) { summary { read inserted rejected personsCreated } results { status reasons { field rule } } }
      upsertSchoolSessions(input: $s) { summary { inserted rejected } results { status reasons { field rule } } } }`;
    const events = [
      { sourceKey: 'IMP-E1', districtCode: '640205', title: '禁毒宣传进社区', kind: 'CAMPAIGN', heldAt: '2022-06-26', participants: 250 },
      { sourceKey: 'IMP-E2', districtCode: '640205', title: '负数', kind: 'LECTURE', heldAt: '2022-06-27', participants: -1 },
    ];
    const sessions = [{ sourceKey: 'IMP-S1', districtCode: '640205', school: '惠农一中', heldAt: '2022-09-01', students: 50, quizTaken: 60, quizPassed: 10 }];
    const res = await gql(service, ds, send, { e: events, s: sessions }, office);
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertPublicityEvents.summary).toEqual({ read: 2, inserted: 1, rejected: 1, personsCreated: 0 });
    expect(res.data.upsertPublicityEvents.results[1].reasons[0].field).toBe('participants');
    // more students took the quiz than attended: refused, kept for correction
    expect(res.data.upsertSchoolSessions.summary).toEqual({ inserted: 0, rejected: 1 });
    expect(res.data.upsertSchoolSessions.results[0].reasons.map((r: any) => r.field)).toEqual(['quizTaken']);
    const quarantine = await gql(service, ds, '{ rejectedRecords(department: PREVENTION) { totalCount } }', {}, office);
    expect(quarantine.data.rejectedRecords.totalCount).toBe(2);
    // the figures of Huinong now include the imported event
    const figures = await gql(service, ds, '{ district(code: "640205") { preventionIndicators(period: { from: "2022-01-01", to: "2022-12-31" }) { publicityEvents publicityParticipants } } }', {}, office);
    expect(figures.data.district.preventionIndicators).toEqual({ publicityEvents: 1, publicityParticipants: 250 });
    // public security may not write prevention records, nor read the office's quarantine
    const police = { ...asRole(Role.PUBLIC_SECURITY), purpose: 'test' };
    const refused = await gql(service, ds, send, { e: events.slice(0, 1), s: [] }, police);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const theirs = await gql(service, ds, '{ rejectedRecords(department: PREVENTION) { totalCount } }', {}, police);
    expect(theirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // the office learns nothing of another department's quarantine: its rows answer like rows that do not exist
    const bad = await gql(service, ds, 'mutation { upsertCaseworkers(input: [{ sourceKey: "Q1", districtCode: "640205", name: "" }]) { summary { rejected } } }', {}, { ...asRole(Role.JUSTICE), purpose: 'test' });
    expect(bad.data.upsertCaseworkers.summary.rejected).toBe(1);
    const [{ id: theirRow }] = await ds.query("SELECT id FROM rejected_record WHERE department = 'JUSTICE'");
    const resubmit = (id: string) => gql(service, ds, 'mutation($id: ID!) { resubmitRejectedRecord(id: $id) { summary { read } } }', { id }, office);
    const [probe, missing] = [await resubmit(String(theirRow)), await resubmit('987654')];
    expect(probe.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(probe.errors?.[0].message.replace(String(theirRow), 'N')).toBe(missing.errors?.[0].message.replace('987654', 'N'));
    const justiceList = await gql(service, ds, '{ rejectedRecords(department: JUSTICE) { totalCount } }', {}, office);
    expect(justiceList.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // and the office may not write a department's person records
    const person = await gql(service, ds, 'mutation { upsertCaseworkers(input: [{ sourceKey: "X", districtCode: "640205", name: "x" }]) { summary { inserted } } }', {}, office);
    expect(person.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
