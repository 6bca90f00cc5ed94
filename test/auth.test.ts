import { createServer as createHttpServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { DataSource } from 'typeorm';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET } from '../src/policy/tokens';
import { authHeaders, tokenFor } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { HttpService, postGraphql, startHttp } from './helpers/http';

const secret = new TextEncoder().encode(DEV_JWT_SECRET);
const claims = { role: 'ADMIN', district: '640000', name: 'x' };
const hs = (payload = claims) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setIssuedAt();
const code = (body: any) => body.errors?.[0]?.extensions?.code;

describe.each(testDatabases())('authentication on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let personId: number;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    personId = (await new Fixtures(ds).person({ county: '640104' })).id;
    http = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });
  const ask = (headers: Record<string, string>) => postGraphql(http.url, '{ me { role } }', {}, headers);

  it('refuses every operation without a token, and leaves health and the Sandbox page open', async () => {
    const res = await ask({});
    expect(res.status).toBe(401);
    expect(code(res.body)).toBe('UNAUTHENTICATED');
    expect((await fetch(`${http.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${http.url}/readyz`)).status).toBe(200);
    const sandbox = await fetch(`${http.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toContain('<html');
  });

  it('accepts a valid development token', async () => {
    const res = await ask(await authHeaders('ADMIN'));
    expect(res.body).toEqual({ data: { me: { role: 'ADMIN' } } });
  });

  it.each([
    ['expired', async () => hs().setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(secret), 'The token has expired'],
    ['without expiry', async () => hs().sign(secret), 'The token is not valid'],
    ['older than 24 hours', async () => hs().setIssuedAt(Math.floor(Date.now() / 1000) - 25 * 3600).setExpirationTime('1h').sign(secret), 'The token has expired'],
    ['forged (wrong secret)', async () => hs().setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(40))), 'The token is not valid'],
    ['alg none', async () => new UnsecuredJWT(claims).setSubject('u1').setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime('1h').encode(), 'The token is not valid'],
    ['wrong audience', async () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer(DEFAULT_ISSUER).setAudience('other').setExpirationTime('1h').sign(secret), 'The token is not valid'],
    ['wrong issuer', async () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer('evil').setAudience(DEFAULT_AUDIENCE).setExpirationTime('1h').sign(secret), 'The token is not valid'],
    ['unknown role', async () => hs({ ...claims, role: 'SUPERUSER' }).setExpirationTime('1h').sign(secret), 'The token is not valid'],
    ['RS256 against the HS256 service', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setSubject('u1').setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime('1h').sign(privateKey);
    }, 'The token is not valid'],
  ])('refuses a token that is %s', async (_label, make, message) => {
    const res = await ask({ authorization: `Bearer ${await make()}` });
    expect(res.status).toBe(401);
    expect(code(res.body)).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toBe(message);
  });

  it('needs X-Access-Purpose for person-level reads, naming the header', async () => {
    const { authorization } = await authHeaders('PUBLIC_SECURITY', '640104');
    const res = await postGraphql(http.url, 'query P($id: ID!) { person(id: $id) { name } }', { id: String(personId) }, { authorization });
    expect(code(res.body)).toBe('FORBIDDEN');
    expect(res.body.errors[0].message).toContain('X-Access-Purpose');
    expect(res.body.data ?? null).toBeNull();
    // aggregates need no purpose
    const agg = await postGraphql(http.url, '{ district(code: "640104") { name } }', {}, { authorization });
    expect(agg.body.errors).toBeUndefined();
    // a purpose of 201 characters is refused
    const long = await postGraphql(http.url, '{ me { role } }', {}, { authorization, 'x-access-purpose': 'x'.repeat(201) });
    expect(code(long.body)).toBe('BAD_USER_INPUT');
    // Chinese purposes travel percent-encoded
    const zh = await postGraphql(http.url, '{ me { purpose } }', {}, { authorization, 'x-access-purpose': encodeURIComponent('案件编号A640104') });
    expect(zh.body.data.me.purpose).toBe('案件编号A640104');
  });
});

describe.each(testDatabases())('RS256 tokens from a JWKS on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let jwksServer: Server;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  beforeAll(async () => {
    ds = await freshDatabase(target);
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwksServer = createHttpServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', () => r()));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    http = await startHttp(ds, { auth: { jwtSecret: DEV_JWT_SECRET, jwksUrl, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE } });
  });
  afterAll(async () => {
    await http?.close();
    await new Promise((r) => jwksServer?.close(r));
    await ds?.destroy();
  });

  it('accepts RS256 signed by the JWKS key and refuses HS256 signed with the development secret', async () => {
    const rs = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setSubject('u2').setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime('1h').sign(privateKey);
    const ok = await postGraphql(http.url, '{ me { sub } }', {}, { authorization: `Bearer ${rs}` });
    expect(ok.body).toEqual({ data: { me: { sub: 'u2' } } });
    const hsToken = await tokenFor('ADMIN');
    const refused = await postGraphql(http.url, '{ me { sub } }', {}, { authorization: `Bearer ${hsToken}` });
    expect(code(refused.body)).toBe('UNAUTHENTICATED');
  });
});
