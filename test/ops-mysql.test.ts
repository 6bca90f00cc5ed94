import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { createConnection } from 'mysql2/promise';
import { authHeaders } from './helpers/auth';
import { testDatabases } from './helpers/databases';
import { graphqlRequest, httpRequest, HttpResponse, metricValue, ServiceProcess, sleep, startProcess } from './helpers/process';
import { TcpProxy } from './helpers/tcp-proxy';

// The real process against real MariaDB/MySQL, reached through a TCP proxy the test controls.
// testDatabases() fails the suite when CI=true and TEST_MYSQL_URL is missing.
const mysql = testDatabases().find((d) => d.name === 'mysql');
const describeMysql = mysql ? describe : describe.skip;

// a query that needs the database but no person-level data (those are audited, one append at a time)
const COUNT = '{ district(code: "640000") { drugCases(first: 5) { totalCount } } }';

// Each suite gets a database of its own on the server of TEST_MYSQL_URL, dropped afterwards.
async function createDatabase(): Promise<{ name: string; server: URL; drop(): Promise<void> }> {
  const server = new URL(process.env.TEST_MYSQL_URL!.replace(/^mariadb:/, 'mysql:'));
  const name = `jindu_ops_${randomBytes(4).toString('hex')}`;
  const admin = () => createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    name,
    server,
    async drop() {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

function databaseUrl(server: URL, port: number, name: string): string {
  const url = new URL(server.toString());
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.pathname = `/${name}`;
  return url.toString();
}

function isOk(res: HttpResponse): boolean {
  return res.status === 200 && typeof res.json().data?.district?.drugCases?.totalCount === 'number' && !res.json().errors;
}

function isUnavailable(res: HttpResponse): boolean {
  const body = res.json();
  return [200, 503].includes(res.status) && body.errors?.length > 0 && body.errors.every((e: any) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
}

describeMysql('operations against MariaDB/MySQL through a TCP proxy', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let headers: Record<string, string>;
  const services: ServiceProcess[] = [];
  const proxies: TcpProxy[] = [];

  async function proxy(): Promise<TcpProxy> {
    const p = await new TcpProxy(db.server.hostname, Number(db.server.port || 3306)).listen();
    proxies.push(p);
    return p;
  }

  async function start(p: TcpProxy, env: Record<string, string> = {}, waitReady = true): Promise<ServiceProcess> {
    // many clients, one test token: the per-subject quota is lifted so that the pool and the queue are what is tested
    const service = await startProcess({ DATABASE_URL: databaseUrl(db.server, p.port, db.name), LOG_LEVEL: 'info', SUBJECT_MAX_IN_FLIGHT: '1000', SUBJECT_BURST: '1000000', SUBJECT_RATE_PER_MINUTE: '1000000', ...env }, { waitReady });
    services.push(service);
    return service;
  }

  beforeAll(async () => {
    db = await createDatabase();
    headers = await authHeaders();
  });
  afterAll(async () => {
    for (const s of services) s.kill();
    for (const p of proxies) await p.close();
    await db?.drop();
  });

  it('SIGTERM during 50 slow requests: all 50 answered, new connections refused, exit 0', async () => {
    const p = await proxy();
    const service = await start(p, { DB_POOL_SIZE: '50', DB_QUEUE_LIMIT: '500', SHUTDOWN_TIMEOUT_MS: '20000' });
    expect(isOk(await graphqlRequest(service.url, COUNT, headers))).toBe(true);

    // every answer of the database now takes 1.5 s more: each request lasts seconds, so all 50 are in
    // flight together even on a loaded host (with 300 ms the first ones finished before the last arrived)
    p.delayMs = 1500;
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    const inFlight = Array.from({ length: 50 }, () => graphqlRequest(service.url, COUNT, headers, undefined, agent));
    // all 50 have reached the service
    for (let i = 0; ; i++) {
      const metrics = await httpRequest(`${service.url}/metrics`);
      if (metricValue(metrics.body, 'jindu_requests_in_flight') === 50) break;
      if (i > 250) throw new Error('the 50 requests did not arrive');
      await sleep(20);
    }
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    // logged once the listener is closed
    await service.waitForLog((l) => String(l.msg).startsWith('shutting down'));
    // a new connection is refused (reset if the kernel had queued it just before), or at worst answered 503
    const late = await httpRequest(`${service.url}/readyz`).then((r) => r.status, (err) => err.code);
    expect(['ECONNREFUSED', 'ECONNRESET', 503]).toContain(late);

    const answers = await Promise.all(inFlight);
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(answers.every(isOk)).toBe(true);
    const exit = await service.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs().find((l) => l.msg === 'stopped')).toMatchObject({ signal: 'SIGTERM', drained: true });
    console.log(`SIGTERM with 50 in flight: answered and exited ${Date.now() - signalled} ms after the signal`);
    agent.destroy();
  });

  it('outage: SERVICE_UNAVAILABLE within the bound and /readyz 503; recovers without a restart', async () => {
    const p = await proxy();
    const service = await start(p, { DB_POOL_SIZE: '5', REQUEST_TIMEOUT_MS: '1500' });
    expect(isOk(await graphqlRequest(service.url, COUNT, headers))).toBe(true);

    await p.cut();
    const failed = await graphqlRequest(service.url, COUNT, headers);
    expect(failed.ms).toBeLessThan(3000); // the request limit is 1.5 s; slack for a loaded host
    expect(isUnavailable(failed)).toBe(true);
    expect(failed.body).not.toMatch(/ECONNREFUSED|stack|at .*\.js/);
    const ready = await httpRequest(`${service.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(2500); // readiness probes the database for at most 1 s
    // a database that answers too slowly: the request time limit answers instead
    await p.restore();
    p.delayMs = 4000;
    const slow = await graphqlRequest(service.url, COUNT, headers);
    expect(slow.status).toBe(503);
    expect(slow.ms).toBeGreaterThanOrEqual(1400);
    expect(slow.ms).toBeLessThan(3900); // answered by the 1.5 s request limit, before the 4 s database delay
    expect(isUnavailable(slow)).toBe(true);

    p.delayMs = 0;
    const back = await graphqlRequest(service.url, COUNT, headers);
    expect(isOk(back)).toBe(true);
    expect((await httpRequest(`${service.url}/readyz`)).status).toBe(200);
    expect(service.running).toBe(true);
    const outcomes = service.logs().filter((l) => l.msg === 'request').map((l) => l.outcome);
    expect(outcomes).toEqual(['ok', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'ok']);
    expect(service.stderr).toBe('');
  });

  it('start-up waits for the database with backoff', async () => {
    const p = await proxy();
    await p.cut();
    const service = await start(p, {}, false);
    // at least two attempts fail before the database comes back (waited for, not slept: a loaded host
    // starts the process slowly)
    const retries = () => service.logs().filter((l) => l.msg === 'database not reachable yet; retrying').length;
    for (let i = 0; retries() < 2; i++) {
      if (i > 300) throw new Error('the service did not retry');
      await sleep(50);
    }
    expect(service.running).toBe(true);
    await p.restore();
    await service.waitReady(10_000);
    expect(service.logs().filter((l) => l.msg === 'database not reachable yet; retrying').length).toBeGreaterThanOrEqual(2);
    expect(isOk(await graphqlRequest(service.url, COUNT, headers))).toBe(true);
  });

  it('overload: 500 concurrent requests on a pool of 5: every one answered, no crash, memory bounded', async () => {
    const p = await proxy();
    const service = await start(p, { DB_POOL_SIZE: '5', DB_QUEUE_LIMIT: '20', DB_STATEMENT_TIMEOUT_MS: '7000' });
    expect(isOk(await graphqlRequest(service.url, COUNT, headers))).toBe(true);
    p.delayMs = 20;
    const before = service.memory();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 500 }, () => graphqlRequest(service.url, COUNT, headers)));
    const elapsed = Date.now() - started;
    const after = service.memory();
    const ok = answers.filter(isOk);
    const unavailable = answers.filter(isUnavailable);
    expect(ok.length + unavailable.length).toBe(500);
    expect(ok.length).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThan(0);
    // shed load is shed fast: most refusals come well before the slowest success
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    expect(median(unavailable.map((r) => r.ms))).toBeLessThan(Math.max(...ok.map((r) => r.ms)));
    expect(after.peakRssMb).toBeLessThan(512);
    expect(service.running).toBe(true);
    p.delayMs = 0;
    expect(isOk(await graphqlRequest(service.url, COUNT, headers))).toBe(true);
    // every pooled connection got the statement time limit (MariaDB in seconds, MySQL in ms); the
    // start-up probe (SELECT VERSION()) is the only connection without it
    const pooled = p.connections.filter((c) => !c.sent.includes('SELECT VERSION()'));
    expect(pooled.length).toBeGreaterThanOrEqual(1);
    expect(pooled.length).toBeLessThanOrEqual(5);
    for (const c of pooled) expect(c.sent).toMatch(/SET SESSION (max_statement_time = 7|max_execution_time = 7000)(?!\d)/); // raw protocol bytes follow
    console.log(
      `overload: 500 requests in ${elapsed} ms; ${ok.length} ok, ${unavailable.length} SERVICE_UNAVAILABLE ` +
        `(median ${median(unavailable.map((r) => r.ms))} ms vs ok median ${median(ok.map((r) => r.ms))} ms); ` +
        `RSS ${before.rssMb} MB before, ${after.rssMb} MB after, peak ${after.peakRssMb} MB`,
    );
  });
});
