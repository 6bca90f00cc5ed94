import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET, signDevToken } from '../src/policy/tokens';
import { Role } from '../src/policy/viewer';
import { CountingLogger, StatementCount, trackStatements } from '../src/common/sql-counter';
import { RefusedRequest } from '../src/ops/subject-limits';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { HttpService, postGraphql, startHttp } from './helpers/http';

const run = promisify(execFile);
const TOKEN_CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'token.js');

const tokenIn = (district: string, sub?: string) =>
  signDevToken({ role: Role.ADMIN, district, sub }, { jwtSecret: DEV_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });

// Issue 14, items 6 and 11: per-subject quotas; district codes that are not the province's.
describe.each(testDatabases())('quotas and district codes on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  const refused: RefusedRequest[] = [];
  beforeAll(async () => {
    ds = await freshDatabase(target);
    const fx = new Fixtures(ds);
    for (let i = 0; i < 30; i++) await fx.person({ county: i % 2 ? '640104' : '640202', birthDate: '1990-05-01' });
    http = await startHttp(ds, { subjectLimits: { maxInFlight: 2, ratePerMinute: 60, burst: 40 }, onRefused: (r) => refused.push(r) });
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  // A request whose body is still arriving holds its slot: the quota counts requests, not CPU.
  const slowRequest = (url: string, headers: Record<string, string>, body: string) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 3));
    return { finish: () => req.end(body.slice(3)), response };
  };

  it('one subject gets at most maxInFlight requests at once: the rest 429 RATE_LIMITED with Retry-After; others keep answering fast', async () => {
    const flooder = await authHeaders('ADMIN', '640000');
    const other = { authorization: `Bearer ${await tokenIn('640000', 'another-user')}`, 'x-access-purpose': 'test' };
    const heavy = JSON.stringify({ query: '{ persons(first: 500) { nodes { id name timeline { kind date } drugUseDetections { detectedAt } } } }' });
    const held = [slowRequest(http.url, flooder, heavy), slowRequest(http.url, flooder, heavy)];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const extra = await Promise.all(
      Array.from({ length: 3 }, () => fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...flooder }, body: heavy })),
    );
    for (const res of extra) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    }
    const started = Date.now();
    const small = await postGraphql(http.url, '{ me { role } }', {}, other);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(small.status).toBe(200);
    expect(small.body.data.me.role).toBe('ADMIN');
    for (const h of held) h.finish();
    const answers = await Promise.all(held.map((h) => h.response));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(JSON.parse(answers[0].body).data.persons.nodes.length).toBe(30);
    // the slots are free again
    expect((await postGraphql(http.url, '{ me { role } }', {}, flooder)).status).toBe(200);
    expect(refused.filter((r) => r.reason === 'IN_FLIGHT' && r.subject === 'dev-admin-640000')).toHaveLength(3);
  });

  it('one subject gets at most `burst` requests, then 429 with the seconds until the next one', async () => {
    const headers = { authorization: `Bearer ${await tokenIn('640000', 'rate-user')}`, 'x-access-purpose': 'test' };
    // 60 a minute refill one request a second: under load the loop may earn a few back while it runs
    const started = Date.now();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    while (statuses.length < 100 && retryAfter === null) {
      const res = await fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ me { role } }' }) });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    const refilled = Math.ceil((Date.now() - started) / 1000);
    const answered = statuses.filter((s) => s === 200).length;
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(answered).toBeLessThanOrEqual(40 + refilled);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it.each(['659999', '640104001', '000000', '64010'])('a token for district %s is not valid: 401 UNAUTHENTICATED, also for the review lists', async (district) => {
    const headers = { authorization: `Bearer ${await tokenIn(district)}`, 'x-access-purpose': 'test' };
    for (const query of ['{ rejectedRecords(department: JUSTICE) { totalCount } }', '{ identityConflicts { totalCount } }', '{ me { role } }']) {
      const { status, body } = await postGraphql(http.url, query, {}, headers);
      expect({ district, query, status, code: body.errors?.[0]?.extensions?.code }).toEqual({ district, query, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('an empty list never reaches the database as IN (): IN nothing matches nothing, NOT IN nothing everything', async () => {
    const counter = new StatementCount(true);
    const [none, all, total] = await trackStatements(counter, () =>
      Promise.all([
        ds.createQueryBuilder().from('person', 'p').where('p.residence_district_code IN (:...codes)', { codes: [] }).getCount(),
        ds.createQueryBuilder().from('person', 'p').where('p.residence_district_code NOT IN (:...codes)', { codes: [] }).getCount(),
        ds.createQueryBuilder().from('person', 'p').getCount(),
      ]),
    );
    expect(ds.logger).toBeInstanceOf(CountingLogger);
    expect(counter.log.length).toBe(3);
    expect(counter.log.join('\n')).not.toMatch(/IN\s*\(\s*\)/i);
    expect(none).toBe(0);
    expect(all).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});

describe('npm run token', () => {
  it.each(['659999', '640104001', '64'])('refuses district %s (exit 2, no token)', async (district) => {
    const result = await run(process.execPath, [TOKEN_CLI, '--role', 'ADMIN', '--district', district], { env: { ...process.env, NODE_ENV: 'development' } }).catch((e) => e);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--district/);
  });

  it('issues a token for a district of the province', async () => {
    const { stdout } = await run(process.execPath, [TOKEN_CLI, '--role', 'JUSTICE', '--district', '640104'], { env: { ...process.env, NODE_ENV: 'development' } });
    expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});
