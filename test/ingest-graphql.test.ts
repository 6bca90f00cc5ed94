import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { verifyAuditChain } from '../src/audit/audit.service';
import { Role, Viewer } from '../src/policy/viewer';
import { makeIdNumber } from '../src/common/id-number';
import { authHeaders, tokenFor } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql } from './helpers/graphql';
import { HttpService, postGraphql, startHttp } from './helpers/http';

const viewer = (role: Role, district = '640000'): Viewer => ({ sub: `t-${role.toLowerCase()}`, name: role, role, district, purpose: 'ingest test' });
const PS = viewer(Role.PUBLIC_SECURITY);
const JU = viewer(Role.JUSTICE);

const ID = makeIdNumber('640104', '1988-08-08', 31);
const ID_2 = makeIdNumber('640402', '1992-02-29', 42);

const UPSERT_CASES = `mutation Cases($input: [DrugCaseInput!]!) {
  upsertDrugCases(input: $input) {
    summary { department read inserted updated unchanged rejected balanced }
    results { index sourceKey status id reasons { field rule message } rejectedRecordId }
  }
}`;
const UPSERT_DETECTIONS = `mutation Det($input: [DrugUseDetectionInput!]!) {
  upsertDrugUseDetections(input: $input) { summary { read inserted updated unchanged rejected personsCreated conflictsDetected } results { status id reasons { field rule } } }
}`;
const UPSERT_PROGRAMMES = `mutation Prog($input: [RehabProgrammeInput!]!) {
  upsertRehabProgrammes(input: $input) { summary { read inserted rejected conflictsDetected } results { status reasons { field rule } } }
}`;

const aCase = (over: Record<string, unknown> = {}) => ({
  sourceKey: 'GA-C-1', caseNumber: 'A640104-2022-1', caseType: 'TRAFFICKING', districtCode: '640104', filedAt: '2022-01-05', solvedAt: '2022-02-01', ...over,
});
const aDetection = (over: Record<string, unknown> = {}) => ({
  sourceKey: 'GA-D-1', idNumber: ID, name: '马小明', residenceDistrictCode: '640104', districtCode: '640104', detectedAt: '2022-04-01',
  substance: 'HEROIN', method: 'URINE', disposition: 'COMMUNITY_DETOX_ORDER', ...over,
});
const aProgramme = (over: Record<string, unknown> = {}) => ({
  sourceKey: 'SF-P-1', idNumber: ID, name: '马晓明', residenceDistrictCode: '640104', districtCode: '640104', kind: 'COMMUNITY_DETOX',
  orderedAt: '2022-04-10', reportedAt: '2022-04-12', plannedEndAt: '2025-04-10', ...over,
});

describe.each(testDatabases())('ingestion over GraphQL and HTTP on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  const run = (query: string, variables: Record<string, unknown>, v: Viewer = PS) => gql(http.service, ds, query, variables, v);
  const httpUrl = () => http.url;

  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('answers per item: inserted, unchanged, updated, rejected with field and rule; the list is never rejected as a whole', async () => {
    const first = await run(UPSERT_CASES, { input: [aCase(), aCase({ sourceKey: 'GA-C-2', filedAt: '2022-13-01' }), aCase({ sourceKey: 'GA-C-3', solvedAt: '2021-12-31' })] });
    expect(first.errors).toBeUndefined();
    const p = first.data.upsertDrugCases;
    expect(p.summary).toEqual({ department: 'PUBLIC_SECURITY', read: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2, balanced: true });
    expect(p.results.map((r: any) => [r.index, r.sourceKey, r.status])).toEqual([[0, 'GA-C-1', 'INSERTED'], [1, 'GA-C-2', 'REJECTED'], [2, 'GA-C-3', 'REJECTED']]);
    expect(p.results[0].id).toMatch(/^\d+$/);
    expect(p.results[1].reasons).toEqual([{ field: 'filedAt', rule: 'DATE', message: expect.any(String) }]);
    expect(p.results[2].reasons.map((r: any) => [r.field, r.rule])).toEqual([['solvedAt', 'DATE_ORDER']]);
    expect(p.results[1].rejectedRecordId).toMatch(/^\d+$/);

    const again = await run(UPSERT_CASES, { input: [aCase(), aCase({ sourceKey: 'GA-C-1', isTargetCase: true })] });
    expect(again.data.upsertDrugCases.results.map((r: any) => r.status)).toEqual(['UNCHANGED', 'UPDATED']);
    expect(again.data.upsertDrugCases.results[1].id).toBe(p.results[0].id);
    const [row] = await ds.query("SELECT COUNT(*) AS n FROM drug_case WHERE source_key = 'GA-C-1'");
    expect(Number(row.n)).toBe(1);
  });

  it('lets only the department (or ADMIN) write, and only inside its jurisdiction', async () => {
    const justice = await run(UPSERT_CASES, { input: [aCase({ sourceKey: 'GA-C-9' })] }, JU);
    expect(justice.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(justice.data).toBeNull();
    const county = await run(UPSERT_CASES, { input: [aCase({ sourceKey: 'GA-C-10' }), aCase({ sourceKey: 'GA-C-11', districtCode: '640402' })] }, viewer(Role.PUBLIC_SECURITY, '640104'));
    const results = county.data.upsertDrugCases.results;
    expect(results.map((r: any) => r.status)).toEqual(['INSERTED', 'REJECTED']);
    expect(results[1].reasons.map((r: any) => r.rule)).toEqual(['JURISDICTION']);
    const admin = await run(UPSERT_CASES, { input: [aCase({ sourceKey: 'GA-C-12' })] }, viewer(Role.ADMIN));
    expect(admin.data.upsertDrugCases.summary.inserted).toBe(1);
  });

  it('refuses a list over 5000 items with BAD_USER_INPUT, writing nothing', async () => {
    const big = Array.from({ length: 5001 }, (_, i) => aCase({ sourceKey: `BIG-${i}` }));
    const res = await run(UPSERT_CASES, { input: big });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [n] = await ds.query("SELECT COUNT(*) AS n FROM drug_case WHERE source_key LIKE 'BIG-%'");
    expect(Number(n.n)).toBe(0);
  });

  it('audits every write: one event with department, kind, counts and the persons touched', async () => {
    const before = await ds.getRepository(AuditEvent).count();
    const res = await run(UPSERT_DETECTIONS, { input: [aDetection(), aDetection({ sourceKey: 'GA-D-2', idNumber: ID_2, residenceDistrictCode: '640402', districtCode: '640402', name: '杨某' })] });
    expect(res.data.upsertDrugUseDetections.summary).toMatchObject({ read: 2, inserted: 2, personsCreated: 2 });
    const events = await ds.getRepository(AuditEvent).find({ order: { seq: 'ASC' } });
    expect(events).toHaveLength(before + 1);
    const e = events[events.length - 1];
    const persons = await ds.query('SELECT id FROM person ORDER BY id');
    expect(e).toMatchObject({ subjectRole: 'PUBLIC_SECURITY', operationName: 'Det', purpose: 'ingest test', outcome: 'ALLOWED', personCount: 2, personIds: persons.map((p: any) => p.id).join(',') });
    expect(JSON.parse(e.variables)).toMatchObject({ department: 'PUBLIC_SECURITY', recordKinds: ['DRUG_USE_DETECTION'], source: 'graphql', read: 2, inserted: 2, mutation: 'upsertDrugUseDetections' });
    expect(e.variables).not.toContain(ID);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it("keeps each department's version of a person and lists the disagreement for review", async () => {
    // justice knows the person as 马晓明, public security as 马小明
    const res = await run(UPSERT_PROGRAMMES, { input: [aProgramme()] }, JU);
    expect(res.data.upsertRehabProgrammes.summary).toMatchObject({ inserted: 1, conflictsDetected: 1 });
    const [person] = await ds.query('SELECT id, name FROM person WHERE id_number = ?', [ID]);
    expect(person.name).toBe('马小明'); // not overwritten: the person row follows the department that knew them first
    const q = `query C { identityConflicts(first: 10) { totalCount nodes { field departmentA valueA departmentB valueB resolved person { idNumber name }
      versions { department name birthDate residenceDistrictCode } } } }`;
    const list = await run(q, {}, viewer(Role.ADMIN));
    expect(list.errors).toBeUndefined();
    expect(list.data.identityConflicts.totalCount).toBe(1);
    const c = list.data.identityConflicts.nodes[0];
    expect(c).toMatchObject({ field: 'NAME', departmentA: 'PUBLIC_SECURITY', valueA: '马小明', departmentB: 'JUSTICE', valueB: '马晓明', resolved: false, person: { idNumber: ID } });
    expect(c.versions.map((v: any) => [v.department, v.name, v.birthDate])).toEqual([['PUBLIC_SECURITY', '马小明', '1988-08-08'], ['JUSTICE', '马晓明', '1988-08-08']]);
    // employment is not part of it; justice is
    expect((await run(q, {}, viewer(Role.EMPLOYMENT))).data.identityConflicts.totalCount).toBe(0);
    expect((await run(q, {}, JU)).data.identityConflicts.totalCount).toBe(1);
    // re-sending the same versions records nothing new
    const again = await run(UPSERT_PROGRAMMES, { input: [aProgramme()] }, JU);
    expect(again.data.upsertRehabProgrammes.summary).toMatchObject({ read: 1, inserted: 0, conflictsDetected: 0 });
    // justice corrects its spelling: the conflict settles itself
    await run(UPSERT_PROGRAMMES, { input: [aProgramme({ name: '马小明' })] }, JU);
    expect((await run(q, {}, viewer(Role.ADMIN))).data.identityConflicts.totalCount).toBe(0);
  });

  it('settles a conflict on review, taking the chosen department\'s version into the person record', async () => {
    const assist = `mutation A($input: [EmploymentAssistanceInput!]!) { upsertEmploymentAssistances(input: $input) { summary { inserted conflictsDetected } } }`;
    const moved = { sourceKey: 'RS-1', idNumber: ID, name: '马小明', residenceDistrictCode: '640105', districtCode: '640105', kind: 'JOB_PLACEMENT', startedAt: '2022-06-01', subsidyAmountCny: 1200.5 };
    const res = await run(assist, { input: [moved] }, viewer(Role.EMPLOYMENT));
    expect(res.data.upsertEmploymentAssistances.summary).toEqual({ inserted: 1, conflictsDetected: 2 }); // with public security and with justice
    const list = await run('{ identityConflicts { nodes { id field departmentA valueA departmentB valueB } } }', {}, viewer(Role.EMPLOYMENT));
    expect(list.data.identityConflicts.nodes).toHaveLength(2);
    const c = list.data.identityConflicts.nodes[0];
    expect(c).toMatchObject({ field: 'RESIDENCE_DISTRICT', departmentA: 'PUBLIC_SECURITY', valueA: '640104', departmentB: 'EMPLOYMENT', valueB: '640105' });
    const resolve = 'mutation R($id: ID!) { resolveIdentityConflict(id: $id, keep: EMPLOYMENT) { resolved resolvedAt } }';
    expect((await run(resolve, { id: c.id }, JU)).errors?.[0].extensions?.code).toBe('NOT_FOUND'); // justice is not part of it
    const done = await run(resolve, { id: c.id }, viewer(Role.ADMIN));
    expect(done.data.resolveIdentityConflict).toMatchObject({ resolved: true, resolvedAt: expect.stringMatching(/Z$/) });
    const [person] = await ds.query('SELECT residence_district_code FROM person WHERE id_number = ?', [ID]);
    expect(person.residence_district_code).toBe('640105');
    // the write's own event, then the read of the conflict it returned (person-level data)
    const events = await ds.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 2 });
    expect(JSON.parse(events[1].variables)).toMatchObject({ mutation: 'resolveIdentityConflict', keep: 'EMPLOYMENT' });
  });

  it('lists the quarantine per department and takes a corrected row back', async () => {
    const q = `query R($d: Department!) { rejectedRecords(department: $d, first: 50) { totalCount nodes { id recordKind source rowNumber raw fields reasons { field rule } resolved receivedAt } } }`;
    const ps = await run(q, { d: 'PUBLIC_SECURITY' });
    expect(ps.errors).toBeUndefined();
    const entry = ps.data.rejectedRecords.nodes.find((n: any) => JSON.parse(n.fields).sourceKey === 'GA-C-2');
    expect(entry).toMatchObject({ recordKind: 'DRUG_CASE', source: 'graphql', rowNumber: 1, resolved: false, reasons: [{ field: 'filedAt', rule: 'DATE' }] });
    expect(entry.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // another department may not look into public security's quarantine
    expect((await run(q, { d: 'PUBLIC_SECURITY' }, JU)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const resubmit = `mutation F($id: ID!, $c: String) { resubmitRejectedRecord(id: $id, corrected: $c) { summary { read inserted rejected } results { status reasons { rule } } } }`;
    const stillBad = await run(resubmit, { id: entry.id, c: JSON.stringify({ ...JSON.parse(entry.fields), filedAt: '2022-02-30' }) });
    expect(stillBad.data.resubmitRejectedRecord.results[0]).toMatchObject({ status: 'REJECTED', reasons: [{ rule: 'DATE' }] });
    const fixed = await run(resubmit, { id: entry.id, c: JSON.stringify({ ...JSON.parse(entry.fields), filedAt: '2022-01-05' }) });
    expect(fixed.data.resubmitRejectedRecord.summary).toEqual({ read: 1, inserted: 1, rejected: 0 });
    const after = await run(q, { d: 'PUBLIC_SECURITY' });
    expect(after.data.rejectedRecords.nodes.map((n: any) => n.id)).not.toContain(entry.id);
    const [stored] = await ds.query("SELECT filed_at FROM drug_case WHERE source_key = 'GA-C-2'");
    expect(String(stored.filed_at).slice(0, 10)).toBe('2022-01-05');
  });

  it('imports a CSV body over HTTP with a token of the department, inside its jurisdiction', async () => {
    const csv = [
      'sourceKey,caseNumber,caseType,districtCode,filedAt',
      'H-1,A1,TRAFFICKING,640104,2022-05-01',
      'H-2,A2,ILLEGAL_POSSESSION,640402,2022-05-02', // outside a Xingqing token's jurisdiction
    ].join('\n');
    const post = async (token: string | null, path: string, body: string, type = 'text/csv') =>
      fetch(`${http.url}${path}`, { method: 'POST', headers: { 'content-type': type, 'x-access-purpose': 'import test', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    const ok = await post(await tokenFor('PUBLIC_SECURITY', '640104'), '/import/public-security?kind=drug-cases&file=cases.csv', csv);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ department: 'PUBLIC_SECURITY', source: 'cases.csv', read: 2, inserted: 1, rejected: 1, balanced: true });
    const [q] = await ds.query("SELECT reasons_json FROM rejected_record WHERE source = 'cases.csv'");
    expect(JSON.parse(q.reasons_json)[0]).toMatchObject({ field: 'districtCode', rule: 'JURISDICTION' });

    const wrongRole = await post(await tokenFor('JUSTICE', '640000'), '/import/public-security?kind=drug-cases', csv);
    expect(wrongRole.status).toBe(403);
    expect(((await wrongRole.json()) as any).error.code).toBe('FORBIDDEN');
    expect((await post(null, '/import/public-security?kind=drug-cases', csv)).status).toBe(401);
    expect((await post(await tokenFor('ADMIN'), '/import/police?kind=drug-cases', csv)).status).toBe(404);
    expect((await post(await tokenFor('ADMIN'), '/import/public-security?kind=drug-cases', csv, 'application/pdf')).status).toBe(415);
    const ndjson = `${JSON.stringify({ recordKind: 'drug-cases', sourceKey: 'H-3', caseNumber: 'A3', caseType: 'TRAFFICKING', districtCode: '640104', filedAt: '2022-05-03' })}\n`;
    const nd = await post(await tokenFor('ADMIN'), '/import/public-security?file=more.ndjson', ndjson, 'application/x-ndjson');
    expect(await nd.json()).toMatchObject({ read: 1, inserted: 1 });
    const events = await ds.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 2 });
    expect(events.map((e) => e.operationName)).toEqual(['import:public-security', 'import:public-security']);
    expect(JSON.parse(events[1].variables)).toMatchObject({ file: 'cases.csv', read: 2, inserted: 1, rejected: 1 });
  });

  it('needs the purpose header to read the quarantine over HTTP (person-level data)', async () => {
    const { authorization } = await authHeaders('PUBLIC_SECURITY', '640000');
    const res = await postGraphql(http.url, '{ rejectedRecords(department: PUBLIC_SECURITY) { totalCount nodes { raw } } }', {}, { authorization });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0].message).toContain('X-Access-Purpose');
  });

  it("cannot take over another county's record or person by writing", async () => {
    const guyuan = viewer(Role.PUBLIC_SECURITY, '640402');
    const xingqing = viewer(Role.PUBLIC_SECURITY, '640104');
    const other = makeIdNumber('640402', '1980-01-02', 17);
    const first = await run(UPSERT_DETECTIONS, { input: [aDetection({ sourceKey: 'GA-D-GY', idNumber: other, residenceDistrictCode: '640402', districtCode: '640402' })] }, guyuan);
    expect(first.data.upsertDrugUseDetections.summary).toMatchObject({ inserted: 1 });
    // re-using the source key from another county: rejected, the stored row untouched
    const takeover = await run(UPSERT_DETECTIONS, { input: [aDetection({ sourceKey: 'GA-D-GY', idNumber: other, residenceDistrictCode: '640104', districtCode: '640104' })] }, xingqing);
    expect(takeover.data.upsertDrugUseDetections.results[0]).toMatchObject({ status: 'REJECTED', reasons: [{ field: 'sourceKey', rule: 'JURISDICTION' }] });
    // a new record of theirs about the Guyuan person does not move the person into Xingqing
    const pull = await run(UPSERT_DETECTIONS, { input: [aDetection({ sourceKey: 'GA-D-XQ', idNumber: other, residenceDistrictCode: '640104', districtCode: '640104' })] }, xingqing);
    expect(pull.data.upsertDrugUseDetections.summary).toMatchObject({ inserted: 1 });
    const [person] = await ds.query('SELECT residence_district_code AS r FROM person WHERE id_number = ?', [other]);
    expect(person.r).toBe('640402');
    const [stored] = await ds.query("SELECT district_code AS d FROM drug_use_detection WHERE source_key = 'GA-D-GY'");
    expect(stored.d).toBe('640402');
  });

  it('lets nothing from the database reach a client', async () => {
    await ds.query('DROP TABLE rejected_record');
    const res = await run(UPSERT_CASES, { input: [aCase({ sourceKey: 'GA-C-99', filedAt: 'never' })] });
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['INTERNAL_SERVER_ERROR', 'Internal server error']]);
    expect(JSON.stringify({ data: res.data, errors: res.errors })).not.toMatch(/rejected_record|sqlite|no such table|doesn't exist|ER_NO_SUCH/i);
    const http = await fetch(`${httpUrl()}/import/public-security?kind=drug-cases`, {
      method: 'POST', headers: { 'content-type': 'text/csv', 'x-access-purpose': 'import test', authorization: `Bearer ${await tokenFor('ADMIN')}` }, body: 'sourceKey,caseNumber\nX-1,1\n',
    });
    const text = await http.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  });
});
