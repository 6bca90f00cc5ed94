import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';

// What docs/API.md promises a client: the example operations run for the users they are written for,
// automatic persisted queries work as described, and GET needs a CSRF-safe header.
const operation = (name: string) => readFileSync(join(__dirname, '..', 'operations', `${name}.graphql`), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(testDatabases())('the client contract on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;

  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  const period = { from: '2022-01-01', to: '2022-12-31' };
  it.each([
    ['PersonSearch', 'PUBLIC_SECURITY', { filter: { districtCode: '640100' }, first: 5 }],
    ['PersonProfile', 'JUSTICE', { id: '1' }],
    ['DistrictDashboard', 'PROVINCIAL_OFFICE', { period }],
    ['JointReport', 'PROVINCIAL_OFFICE', { input: { period, compareTo: { from: '2021-01-01', to: '2021-12-31' }, level: 'CITY' } }],
    ['ImportStatus', 'EMPLOYMENT', { department: 'EMPLOYMENT' }],
    ['AuditLookup', 'AUDITOR', { filter: { outcome: 'ALLOWED' } }],
  ] as const)('operations/%s.graphql runs for %s without errors', async (name, role, variables) => {
    const res = await postGraphql(http.url, operation(name), variables, await authHeaders(role));
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(res.body.data).toBeTruthy();
  });

  it('answers an automatic persisted query: unknown hash first, then the hash alone', async () => {
    const query = operation('DistrictDashboard');
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const headers = { 'content-type': 'application/json', ...(await authHeaders('PROVINCIAL_OFFICE')) };
    const send = (body: object) => fetch(`${http.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

    const unknown = await send({ variables: { period }, extensions: { persistedQuery } });
    expect({ status: unknown.status, code: unknown.body.errors?.[0]?.extensions?.code }).toEqual({ status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' });
    const registered = await send({ query, variables: { period }, extensions: { persistedQuery } });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await send({ variables: { period }, extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);

    const wrongHash = await send({ query, variables: { period }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } } });
    // a hash that is not the document's is refused (its code is INTERNAL_SERVER_ERROR today: reported, src/common/errors.ts)
    expect(wrongHash.status).toBe(400);
    expect(wrongHash.body.data).toBeUndefined();
  });

  it('runs a query over GET with the URL parameters, only with a CSRF-safe header', async () => {
    const params = new URLSearchParams({ query: operation('DistrictDashboard'), variables: JSON.stringify({ period }), operationName: 'DistrictDashboard' });
    const auth = await authHeaders('PROVINCIAL_OFFICE');
    const plain = await fetch(`${http.url}/graphql?${params.toString()}`, { headers: auth });
    expect(plain.status).toBe(400);
    const safe = await fetch(`${http.url}/graphql?${params.toString()}`, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(safe.status).toBe(200);
    expect(((await safe.json()) as any).data.districts.length).toBeGreaterThan(0);
  });
});
