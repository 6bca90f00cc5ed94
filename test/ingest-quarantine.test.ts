// A quarantine a person can work with: a correction names only the fields to change, an entry once
// resolved is not reopened by importing the old file again, and the same bad row from a file of
// another name is recognised instead of quarantined twice.
import { DataSource } from 'typeorm';
import { Role, Viewer } from '../src/policy/viewer';
import { Department } from '../src/ingest/ingest.enums';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql } from './helpers/graphql';
import { HttpService, startHttp } from './helpers/http';
import { importBytes } from './helpers/ingest';

const PS: Viewer = { sub: 'quarantine-ps', name: 'PS', role: Role.PUBLIC_SECURITY, district: '640000', purpose: 'quarantine test' };
const HEADER = 'sourceKey,caseNumber,caseType,districtCode,filedAt';
const RESUBMIT = `mutation R($id: ID!, $c: String) { resubmitRejectedRecord(id: $id, corrected: $c) { summary { read inserted rejected } results { status reasons { field rule } } } }`;
const ENTRIES = `{ rejectedRecords(department: PUBLIC_SECURITY) { nodes { id source resolved fields reasons { field rule } } } }`;

describe.each(testDatabases())('the quarantine on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gql(http.service, ds, query, variables, PS);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const importCsv = (text: string, source: string) => importBytes(ds, text, { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_CASE' as never, source });
  const entriesFor = async (key: string) => (await run(ENTRIES)).rejectedRecords.nodes.filter((n: any) => JSON.parse(n.fields).sourceKey === key);

  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('takes a partial correction, and keeps the entry resolved when the old file comes again', async () => {
    const bad = `${HEADER}\nQ-1,A-1,TRAFFICKING,640104,2022-02-30\n`;
    expect(await importCsv(bad, 'first.csv')).toMatchObject({ rejected: 1 });
    const [entry] = await entriesFor('Q-1');
    expect(entry.reasons).toEqual([{ field: 'filedAt', rule: 'DATE' }]);
    const stillBad = await run(RESUBMIT, { id: entry.id, c: JSON.stringify({ caseType: 'NOT_A_TYPE' }) });
    expect(stillBad.resubmitRejectedRecord.results[0].reasons.map((r: any) => r.rule).sort()).toEqual(['DATE', 'ENUM']);
    const fixed = await run(RESUBMIT, { id: entry.id, c: JSON.stringify({ filedAt: '2022-02-28', caseType: 'TRAFFICKING' }) });
    expect(fixed.resubmitRejectedRecord.summary).toEqual({ read: 1, inserted: 1, rejected: 0 });
    // the history keeps every replaced state, the original reasons first
    const [h] = await ds.query('SELECT history_json FROM rejected_record WHERE id = ?', [entry.id]);
    expect(JSON.parse(h.history_json).map((x: any) => x.reasons.map((r: any) => r.rule).sort())).toEqual([['DATE'], ['DATE', 'ENUM']]);
    const [stored] = await ds.query("SELECT case_number AS n, district_code AS d FROM drug_case WHERE source_key = 'Q-1'");
    expect(stored).toEqual({ n: 'A-1', d: '640104' });
    // the old file again: the row is still bad, but its record was corrected: the entry stays resolved
    expect(await importCsv(bad, 'first.csv')).toMatchObject({ rejected: 1 });
    expect(await entriesFor('Q-1')).toEqual([]); // the list shows open entries only
    const rows = await ds.query("SELECT resolved FROM rejected_record WHERE source = 'first.csv'");
    expect(rows.map((r: any) => Number(r.resolved))).toEqual([1]);
  });

  it('recognises the same bad row from a file of another name', async () => {
    const bad = `${HEADER}\nQ-2,A-2,TRAFFICKING,640104,never\n`;
    await importCsv(bad, 'monday.csv');
    await importCsv(`${HEADER}\nQ-0,A-0,TRAFFICKING,640104,2022-01-01\n${bad.split('\n')[1]}\n`, 'monday-copy.csv'); // another name, another line
    const entries = await entriesFor('Q-2');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'monday.csv', resolved: false });
  });

  it('resolves an open entry when the corrected record arrives in a file', async () => {
    await importCsv(`${HEADER}\nQ-3,A-3,TRAFFICKING,640104,2022-13-01\n`, 'tuesday.csv');
    expect(await entriesFor('Q-3')).toHaveLength(1);
    expect(await importCsv(`${HEADER}\nQ-3,A-3,TRAFFICKING,640104,2022-12-01\n`, 'tuesday-fixed.csv')).toMatchObject({ inserted: 1 });
    expect(await entriesFor('Q-3')).toEqual([]);
    const rows = await ds.query("SELECT resolved FROM rejected_record WHERE source = 'tuesday.csv'");
    expect(rows.map((r: any) => Number(r.resolved))).toEqual([1]);
  });

  it("shows a county the rejected rows of its county, whoever submitted them", async () => {
    await importCsv(`${HEADER}\nQ-4,A-4,TRAFFICKING,640104,someday\n`, 'province.csv'); // submitted by the province
    const list = async (district: string) => {
      const res = await gql(http.service, ds, ENTRIES, {}, { ...PS, sub: `county-${district}`, district });
      expect(res.errors).toBeUndefined();
      return res.data.rejectedRecords.nodes.filter((n: any) => n.source === 'province.csv');
    };
    expect(await list('640104')).toHaveLength(1);
    expect(await list('640402')).toHaveLength(0);
  });
});
