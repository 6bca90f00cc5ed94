import { DataSource } from 'typeorm';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { gql } from './helpers/graphql';
import { HttpService, postGraphql, startHttp } from './helpers/http';

// Issue 14, items 5, 8, 9, 10 and 12: bad input gets a coded 4xx before any SQL, never a 500.
describe.each(testDatabases())('hardened input on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let headers: Record<string, string>;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await new Fixtures(ds).person({ county: '640104', birthDate: '1990-05-01' });
    http = await startHttp(ds);
    headers = await authHeaders('ADMIN');
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('prices unpaged district lists at their real size: districts x persons(first: 500) x timeline is refused before it runs', async () => {
    const query = '{ districts { code persons(first: 500) { nodes { id timeline { kind date summary } } } } }';
    const started = Date.now();
    const { status, body } = await postGraphql(http.url, query, {}, headers);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.data ?? null).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    // children of every district, each with a full page: the tree's widest level counts
    const children = '{ districts { children { persons(first: 100) { nodes { id timeline { kind } } } } } }';
    expect((await postGraphql(http.url, children, {}, headers)).body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('a person-level read without the purpose header is 403 FORBIDDEN with no data', async () => {
    const { purpose: _p, 'x-access-purpose': _drop, ...noPurpose } = headers;
    const { status, body } = await postGraphql(http.url, '{ persons(first: 5) { nodes { id name idNumber } } }', {}, noPurpose);
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
  });

  it.each([
    ['a string for an Int', 'query($n: Int) { persons(first: $n) { totalCount } }', { n: 'ten' }],
    ['an out-of-range Int', 'query($n: Int) { persons(first: $n) { totalCount } }', { n: 2 ** 40 }],
    ['a float for an ID', 'query($id: ID!) { person(id: $id) { id } }', { id: 1.5 }],
    ['an object for a scalar', 'query($id: ID!) { person(id: $id) { id } }', { id: { a: 1 } }],
    ['a malformed Date', 'query($d: Date!) { district(code: "640000") { indicators(period: { from: $d, to: "2022-12-31" }) { casesFiled } } }', { d: '2022-13-45' }],
  ])('%s in variables is HTTP 400 BAD_USER_INPUT', async (_what, query, variables) => {
    const { status, body } = await postGraphql(http.url, query, variables, headers);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const BAD_IDS = ['abc', 'NaN', 'Infinity', '1.5', '-1', '1e3', '0', ''];
  const ID_OPERATIONS: Array<[string, string]> = [
    ['person(id)', 'query($id: ID!) { person(id: $id) { id } }'],
    ['auditEvents(filter: { personId })', 'query($id: ID!) { auditEvents(first: 5, filter: { personId: $id }) { totalCount } }'],
    ['resubmitRejectedRecord(id)', 'mutation($id: ID!) { resubmitRejectedRecord(id: $id) { summary { batches } } }'],
    ['resolveIdentityConflict(id)', 'mutation($id: ID!) { resolveIdentityConflict(id: $id) { id } }'],
  ];
  it.each(ID_OPERATIONS)('%s refuses ids that are not positive integers before any SQL', async (_name, query) => {
    for (const id of BAD_IDS) {
      const res = await gql(http.service, ds, query, { id });
      expect({ id, code: res.errors?.[0]?.extensions?.code }).toEqual({ id, code: 'BAD_USER_INPUT' });
      expect(res.data ?? null).toBeNull();
      // only the audit trail (another concern) may write; nothing reads or writes data
      expect(res.log.filter((sql) => !/audit_|^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql.trim()))).toEqual([]);
      // the same id as a literal in the document
      const literal = query.replace(/query\(\$id: ID!\) |mutation\(\$id: ID!\) /, (m) => (m.startsWith('mutation') ? 'mutation ' : '')).replace('$id', JSON.stringify(id));
      const viaHttp = await postGraphql(http.url, literal, {}, headers);
      expect({ id, status: viaHttp.status, code: viaHttp.body.errors?.[0]?.extensions?.code }).toEqual({ id, status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('still accepts a positive integer id, as a string or a number', async () => {
    const [row] = await ds.query('SELECT id FROM person');
    for (const id of [String(row.id), Number(row.id)]) {
      const { status, body } = await postGraphql(http.url, 'query($id: ID!) { person(id: $id) { id } }', { id }, headers);
      expect(status).toBe(200);
      expect(body.data.person.id).toBe(String(row.id));
    }
  });

  it('answers carry Cache-Control: no-store', async () => {
    const res = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ persons(first: 1) { nodes { id name } } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const report = await fetch(`${http.url}/reports/joint.csv?from=2022-01-01&to=2022-12-31`, { headers });
    expect(report.headers.get('cache-control')).toContain('no-store');
  });
});
