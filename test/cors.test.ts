import { DataSource } from 'typeorm';
import { parseCorsOrigins } from '../src/common/cors';
import { loadConfig } from '../src/config';
import { authHeaders } from './helpers/auth';
import { freshDatabase } from './helpers/databases';
import { HttpService, startHttp } from './helpers/http';

// A browser front end on another origin: its preflight is answered for the headers the API needs,
// only for the origins configured; the actual request then carries the allow-origin header.
describe('CORS', () => {
  let ds: DataSource;
  let http: HttpService;
  let closed: HttpService;
  const FRONT = 'http://front.example:8080';
  beforeAll(async () => {
    ds = await freshDatabase({ kind: 'sqlite', path: ':memory:' });
    http = await startHttp(ds, { corsOrigins: [FRONT] });
    closed = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await closed?.close();
    await ds?.destroy();
  });

  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-access-purpose' },
    });

  it('answers the preflight of a listed origin for Authorization, Content-Type and X-Access-Purpose', async () => {
    const res = await preflight(http.url, FRONT);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONT);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(['authorization', 'content-type', 'x-access-purpose']);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the real request through with the allow-origin header', async () => {
    const res = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { origin: FRONT, 'content-type': 'application/json', ...(await authHeaders('ADMIN')) },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(FRONT);
    expect(await res.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
  });

  it('gives another origin no CORS header, and allows none by default', async () => {
    for (const [url, origin] of [[http.url, 'http://evil.example'], [closed.url, FRONT]]) {
      const res = await preflight(url, origin);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('reads CORS_ORIGINS strictly: exact origins only', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://10.0.0.5:8080' }).corsOrigins).toEqual(['https://a.example', 'http://10.0.0.5:8080']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    for (const bad of ['*', 'https://a.example/', 'a.example', 'ftp://a.example', 'https://a.example/app']) {
      expect(() => parseCorsOrigins(bad)).toThrow(/CORS_ORIGINS/);
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});
