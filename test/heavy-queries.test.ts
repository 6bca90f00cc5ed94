import { parse } from 'graphql';
import { DataSource } from 'typeorm';
import { costOf } from '../src/common/limits';
import { DEFAULT_HEAVY_QUERIES } from '../src/ops/heavy-queries';
import { createSchema } from '../src/schema';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { PERSONS_PAGE } from './helpers/queries';

// Issue 14, item 6: one subject's heavy operations run one at a time (SUBJECT_MAX_HEAVY_IN_FLIGHT),
// so that another subject's small query waits behind at most one large answer being built.
describe.each(testDatabases())('heavy operations per subject on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let first: number;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    const fx = new Fixtures(ds);
    for (let i = 0; i < 40; i++) await fx.person({ county: '640104', birthDate: '1990-05-01' });
    // small operations stay generous: only the heavy ones are limited to one at a time
    http = await startHttp(ds, { subjectLimits: { maxInFlight: 20, ratePerMinute: 6000, burst: 1000, maxHeavyInFlight: 1 } });
    const schema = await createSchema();
    first = [50, 100, 150, 200].find((n) => costOf(schema, parse(PERSONS_PAGE), { first: n }) > DEFAULT_HEAVY_QUERIES.heavyCost)!;
    expect(costOf(schema, parse(PERSONS_PAGE), { first })).toBeLessThanOrEqual(50000);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('refuses a second heavy operation of the same subject while one runs (429 HEAVY_IN_FLIGHT), not its small ones nor other subjects', async () => {
    const flooder = await authHeaders('ADMIN', '640000', 'bench');
    const other = { ...(await authHeaders('PUBLIC_SECURITY', '640100', 'other')) };
    const heavy = Array.from({ length: 6 }, () => postGraphql(http.url, PERSONS_PAGE, { first }, flooder));
    const small = Array.from({ length: 3 }, () => postGraphql(http.url, '{ me { role } }', {}, flooder));
    const otherHeavy = postGraphql(http.url, PERSONS_PAGE, { first }, other);
    const results = await Promise.all(heavy);
    const refused = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    for (const r of refused) expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'HEAVY_IN_FLIGHT', retryAfterSeconds: 1 });
    expect((await Promise.all(small)).map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await otherHeavy).status).toBe(200);
    // once they are answered, the next heavy operation runs
    expect((await postGraphql(http.url, PERSONS_PAGE, { first }, flooder)).status).toBe(200);
  });

  it('counts joint report exports as heavy: a second export of the same subject while one runs is refused 429 HEAVY_IN_FLIGHT', async () => {
    const flooder = await authHeaders('ADMIN', '640000', 'exports');
    const url = `${http.url.replace(/\/graphql$/, '')}/reports/joint.html?from=2022-01-01&to=2022-12-31&compareFrom=2021-01-01&compareTo=2021-12-31&level=COUNTY`;
    const results = await Promise.all(Array.from({ length: 6 }, () => fetch(url, { headers: flooder })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as any).error).toMatchObject({ code: 'RATE_LIMITED', reason: 'HEAVY_IN_FLIGHT', retryAfterSeconds: 1 });
    await Promise.all(results.map((r) => r.arrayBuffer().catch(() => undefined)));
    // once they are answered, the next export runs
    expect((await fetch(url, { headers: flooder })).status).toBe(200);
  });
});
