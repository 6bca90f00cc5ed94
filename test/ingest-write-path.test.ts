// The write path's guarantees: a rejected row changes nothing but the quarantine, the answer is no
// existence oracle for persons outside the writer's jurisdiction, linking never renames or clears a
// person silently, and files are refused whole when unreadable (encoding, empty, header).
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { makeIdNumber } from '../src/common/id-number';
import { DistrictTree } from '../src/core/district-tree';
import { importFile } from '../src/ingest/file-import';
import { Department, RecordKind } from '../src/ingest/ingest.enums';
import '../src/departments';
import { kindSpecs, specOf } from '../src/ingest/record-kinds';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql } from './helpers/graphql';
import { HttpService, startHttp } from './helpers/http';
import { dumpTables } from './helpers/ingest';

const ROLE_OF: Record<Department, Role> = {
  PUBLIC_SECURITY: Role.PUBLIC_SECURITY, JUSTICE: Role.JUSTICE, EMPLOYMENT: Role.EMPLOYMENT, PREVENTION: Role.PROVINCIAL_OFFICE,
};
const viewer = (role: Role, district: string): Viewer => ({ sub: `w-${role}-${district}`, name: role, role, district, purpose: 'write path test' });
const ADMIN = viewer(Role.ADMIN, '640000');
const GUYUAN = '640402';
const XINGQING = '640104';

const GY_PERSON = makeIdNumber(GUYUAN, '1981-03-04', 21);
const person = (idNumber: string, residence: string, name: string) => ({ idNumber, name, residenceDistrictCode: residence });

// One valid record of every kind: `key` is its source key, `district` its district, `refs` the
// source keys of the records it refers to, `who` the person it is about.
function recordOf(kind: RecordKind, key: string, district: string, refs: { caseKey?: string; programmeKey?: string }, who: Record<string, unknown>): Record<string, unknown> {
  switch (kind) {
    case RecordKind.DRUG_CASE:
      return { sourceKey: key, caseNumber: `N-${key}`, caseType: 'TRAFFICKING', districtCode: district, filedAt: '2022-01-05' };
    case RecordKind.CASE_SUSPECT:
      return { sourceKey: key, caseSourceKey: refs.caseKey, role: 'PRINCIPAL', ...who };
    case RecordKind.SEIZURE:
      return { sourceKey: key, caseSourceKey: refs.caseKey, kind: 'DRUG', substance: 'HEROIN', seizedAt: '2022-02-01', quantityGrams: 10 };
    case RecordKind.DRUG_USE_DETECTION:
      return { sourceKey: key, districtCode: district, detectedAt: '2022-04-01', substance: 'HEROIN', method: 'URINE', disposition: 'COMMUNITY_DETOX_ORDER', ...who };
    case RecordKind.RISK_ASSESSMENT:
      return { sourceKey: key, districtCode: district, assessedAt: '2022-05-01', riskColour: 'RED', controlColour: 'RED', ...who };
    case RecordKind.WASTEWATER_SAMPLE:
      return { sourceKey: key, districtCode: district, site: 'S1', sampledAt: '2022-03-01', substance: 'HEROIN', concentrationNgPerL: 1.5, flowM3PerDay: 1000, populationServed: 5000 };
    case RecordKind.PRECURSOR_PERMIT:
      return { sourceKey: key, districtCode: district, kind: 'PURCHASE', issuedAt: '2022-03-01', chemical: 'EPHEDRINE', quantityKg: 2 };
    case RecordKind.REHAB_PROGRAMME:
      return { sourceKey: key, districtCode: district, kind: 'COMMUNITY_DETOX', orderedAt: '2022-04-10', plannedEndAt: '2025-04-10', ...who };
    case RecordKind.FOLLOW_UP_CHECK:
      return { sourceKey: key, programmeSourceKey: refs.programmeKey, checkedAt: '2022-06-01', kind: 'URINE_TEST', result: 'NEGATIVE' };
    case RecordKind.CASEWORKER:
      return { sourceKey: key, districtCode: district, name: '专干' };
    case RecordKind.REHAB_CENTRE:
      return { sourceKey: key, districtCode: district, name: '中心' };
    case RecordKind.EMPLOYMENT_ASSISTANCE:
      return { sourceKey: key, districtCode: district, kind: 'JOB_PLACEMENT', startedAt: '2022-07-01', ...who };
    case RecordKind.EDUCATION_BASE:
      return { sourceKey: key, districtCode: district, name: '基地', openedAt: '2021-06-26' };
    case RecordKind.PUBLICITY_EVENT:
      return { sourceKey: key, districtCode: district, title: '6·26', kind: 'CAMPAIGN', heldAt: '2022-06-26', participants: 300 };
    case RecordKind.SCHOOL_SESSION:
      return { sourceKey: key, districtCode: district, school: '一中', heldAt: '2022-09-01', students: 40, quizTaken: 40, quizPassed: 38 };
  }
}

const mutationFor = (kind: RecordKind) => {
  const spec = specOf(kind);
  return `mutation W($input: [${spec.input.name}!]!) { ${spec.mutation}(input: $input) {
    summary { read inserted updated unchanged rejected personsCreated conflictsDetected }
    results { status reasons { field rule message } } } }`;
};

const ndjsonOf = (kind: RecordKind, rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify({ recordKind: kind, ...r })).join('\n') + '\n';

describe.each(testDatabases())('the write path on $name', ({ target }) => {
  let ds: DataSource;
  let tree: DistrictTree;
  let http: HttpService;

  const send = async (kind: RecordKind, rows: Array<Record<string, unknown>>, v: Viewer) => {
    const res = await gql(http.service, ds, mutationFor(kind), { input: rows }, v);
    expect(res.errors).toBeUndefined();
    return res.data[specOf(kind).mutation] as { summary: Record<string, number>; results: Array<{ status: string; reasons: Array<{ field: string; rule: string; message: string }> }> };
  };
  const importAs = (v: Viewer, department: Department, text: string | Buffer, source = 'w.ndjson', format: 'csv' | 'ndjson' = 'ndjson', kind?: RecordKind) =>
    importFile(() => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]), { ds, tree, viewer: v, department, source, format, kind });

  beforeAll(async () => {
    ds = await freshDatabase(target);
    tree = await DistrictTree.load(ds);
    http = await startHttp(ds);
    // Guyuan's records of every kind, and Xingqing's case and programme to refer to
    for (const spec of kindSpecs()) {
      const who = person(GY_PERSON, GUYUAN, '固原甲');
      const gy = recordOf(spec.kind, `GY-${spec.kind}`, GUYUAN, { caseKey: `GY-${RecordKind.DRUG_CASE}`, programmeKey: `GY-${RecordKind.REHAB_PROGRAMME}` }, who);
      const summary = (await send(spec.kind, [gy], ADMIN)).summary;
      expect(summary).toMatchObject({ inserted: 1, rejected: 0 });
    }
    await send(RecordKind.DRUG_CASE, [recordOf(RecordKind.DRUG_CASE, 'XQ-CASE', XINGQING, {}, {})], ADMIN);
    await send(RecordKind.REHAB_PROGRAMME, [recordOf(RecordKind.REHAB_PROGRAMME, 'XQ-PROG', XINGQING, {}, person(makeIdNumber(XINGQING, '1990-01-01', 5), XINGQING, '兴庆乙'))], ADMIN);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  const withoutQuarantine = async () => {
    const dump = await dumpTables(ds);
    delete dump.rejected_record;
    return dump;
  };

  // A county writer re-uses each Guyuan record's source key from Xingqing, about a new person and
  // about the Guyuan person under another name: every row rejected, nothing but the quarantine written.
  const takeovers = (kind: RecordKind, idNumber: string, name: string) =>
    recordOf(kind, `GY-${kind}`, XINGQING, { caseKey: 'XQ-CASE', programmeKey: 'XQ-PROG' }, person(idNumber, XINGQING, name));

  it.each(kindSpecs().map((s) => s.kind))('a %s row rejected for jurisdiction changes nothing, over GraphQL', async (kind) => {
    const writer = viewer(ROLE_OF[specOf(kind).department], XINGQING);
    const before = await withoutQuarantine();
    const fresh = makeIdNumber(XINGQING, '1977-07-07', 600 + kindSpecs().map((s) => s.kind).indexOf(kind));
    const res = await send(kind, [takeovers(kind, fresh, '新人'), takeovers(kind, GY_PERSON, '改名')], writer);
    expect(res.results.map((r) => r.status)).toEqual(['REJECTED', 'REJECTED']);
    for (const r of res.results) expect(r.reasons.map((x) => x.rule)).toContain('JURISDICTION');
    expect(res.summary).toMatchObject({ personsCreated: 0, conflictsDetected: 0 });
    expect(await withoutQuarantine()).toEqual(before);
  });

  it.each(kindSpecs().map((s) => s.kind))('a %s row rejected for jurisdiction changes nothing, through a file', async (kind) => {
    const writer = viewer(ROLE_OF[specOf(kind).department], XINGQING);
    const before = await withoutQuarantine();
    const fresh = makeIdNumber(XINGQING, '1976-06-06', 700 + kindSpecs().map((s) => s.kind).indexOf(kind));
    const summary = await importAs(writer, specOf(kind).department, ndjsonOf(kind, [takeovers(kind, fresh, '新人'), takeovers(kind, GY_PERSON, '改名')]));
    expect(summary).toMatchObject({ read: 2, rejected: 2, personsCreated: 0, conflictsDetected: 0 });
    expect(await withoutQuarantine()).toEqual(before);
  });

  it('answers alike for a person outside the jurisdiction and for one who does not exist; no message names another district', async () => {
    const writer = viewer(Role.PUBLIC_SECURITY, XINGQING);
    // a Guyuan person known to justice under another name
    const known = makeIdNumber(GUYUAN, '1985-05-05', 31);
    await send(RecordKind.REHAB_PROGRAMME, [recordOf(RecordKind.REHAB_PROGRAMME, 'GY-P-KNOWN', GUYUAN, {}, person(known, GUYUAN, '固原丙'))], ADMIN);
    const unknown = makeIdNumber(GUYUAN, '1985-05-05', 32);
    const answer = async (idNumber: string, key: string) => {
      const res = await send(RecordKind.DRUG_USE_DETECTION, [recordOf(RecordKind.DRUG_USE_DETECTION, key, XINGQING, {}, person(idNumber, XINGQING, '丁某'))], writer);
      return res;
    };
    const a = await answer(known, 'XQ-D-KNOWN');
    const b = await answer(unknown, 'XQ-D-UNKNOWN');
    expect(a).toEqual(b);
    // and again: the second sight of each looks alike too
    expect(await answer(known, 'XQ-D-KNOWN-2')).toEqual(await answer(unknown, 'XQ-D-UNKNOWN-2'));
    // a source key of another county's record: refused without naming its district
    const taken = await send(RecordKind.DRUG_USE_DETECTION, [takeovers(RecordKind.DRUG_USE_DETECTION, unknown, '丁某')], writer);
    expect(taken.results[0].status).toBe('REJECTED');
    expect(JSON.stringify(taken)).not.toContain(GUYUAN);
    const file = await importAs(writer, Department.PUBLIC_SECURITY, ndjsonOf(RecordKind.DRUG_USE_DETECTION, [takeovers(RecordKind.DRUG_USE_DETECTION, unknown, '丁某')]), 'oracle.ndjson');
    expect(file.rejected).toBe(1);
    const [q] = await ds.query("SELECT reasons_json FROM rejected_record WHERE source = 'oracle.ndjson'");
    expect(q.reasons_json).not.toContain(GUYUAN);
  });
});
