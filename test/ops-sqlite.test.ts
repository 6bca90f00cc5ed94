import { mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createServer, Service } from '../src/server';
import { authHeaders } from './helpers/auth';
import { freshDatabase } from './helpers/databases';
import { graphqlRequest, httpRequest, metricValue, ServiceProcess, startProcess } from './helpers/process';

const PROBE = 'query OpsProbe($first: Int) { persons(first: $first) { totalCount edges { node { name idNumber } } } }';

// The real process on the embedded database: health checks, metrics, the request log, SIGINT.
describe('operations of the running service (SQLite)', () => {
  let dir: string;
  let service: ServiceProcess;
  let headers: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jindu-ops-'));
    headers = await authHeaders();
    // NODE_ENV=development: the empty embedded database gets the demo data
    service = await startProcess({ DATABASE_URL: `sqlite:${join(dir, 'ops.sqlite')}`, NODE_ENV: 'development', LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    service?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('/healthz and /readyz answer without a token', async () => {
    const health = await httpRequest(`${service.url}/healthz`);
    const ready = await httpRequest(`${service.url}/readyz`);
    expect([health.status, health.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, ready.json()]).toEqual([200, { status: 'ready' }]);
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('a request is logged in one JSON line without personal data, token or variables; /metrics counts it', async () => {
    const res = await graphqlRequest(service.url, PROBE, { ...headers, 'x-request-id': 'ops-probe-1' }, { first: 3 });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('ops-probe-1');
    const people = res.json().data.persons.edges.map((e: any) => e.node);
    expect(people).toHaveLength(3);
    const denied = await graphqlRequest(service.url, '{ me { role } }', {});
    expect(denied.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(denied.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const line = await service.waitForLog((l) => l.requestId === 'ops-probe-1');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', operation: 'OpsProbe', status: 200, outcome: 'ok' });
    expect(line.ms).toEqual(expect.any(Number));
    expect(line.statements).toBeGreaterThan(0);
    expect(await service.waitForLog((l) => l.requestId === denied.headers['x-request-id'])).toMatchObject({ outcome: 'UNAUTHENTICATED', status: 401 });
    // nothing of the token, the purpose, the variables or the answer reaches the log
    const token = headers.authorization.slice('Bearer '.length);
    for (const secret of [token, token.split('.')[1], headers['x-access-purpose'], '"first"', ...people.flatMap((p: any) => [p.name, p.idNumber])]) {
      expect(service.stdout).not.toContain(secret);
    }

    const metrics = await httpRequest(`${service.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    const text = metrics.body;
    expect(metricValue(text, 'jindu_requests_total{operation="OpsProbe",outcome="ok"}')).toBe(1);
    expect(metricValue(text, 'jindu_requests_total{operation="anonymous",outcome="error"}')).toBe(1);
    expect(metricValue(text, 'jindu_request_duration_seconds_count{operation="OpsProbe"}')).toBe(1);
    expect(metricValue(text, 'jindu_sql_statements_per_request_sum{operation="OpsProbe"}')).toBe(line.statements);
    expect(metricValue(text, 'jindu_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(metricValue(text, 'jindu_db_pool_connections_in_use')).toBe(1);
    expect(metricValue(text, 'jindu_db_pool_requests_waiting')).toBe(0);
    expect(metricValue(text, 'jindu_requests_in_flight')).toBe(0);
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(text).toContain(`\n${name} `);
    }
  });

  it('SIGINT: stops cleanly with exit code 0', async () => {
    const exit = await service.stop('SIGINT');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs().find((l) => l.msg === 'stopped')).toMatchObject({ signal: 'SIGINT', drained: true });
    expect(service.stderr).toBe('');
  });
});

// In-process: what readiness and new requests see once shutdown began or the database is gone.
describe('readiness (in process, SQLite)', () => {
  let ds: DataSource;
  let svc: Service;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    ds = await freshDatabase({ kind: 'sqlite', path: ':memory:' });
    svc = await createServer({ ds });
    server = svc.app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server?.close();
    await svc?.stop();
    if (ds?.isInitialized) await ds.destroy();
  });

  it('/readyz is 503 once shutdown begins, and so is a new request on a kept-alive connection', async () => {
    expect((await httpRequest(`${url}/readyz`)).status).toBe(200);
    svc.ops.lifecycle.beginShutdown();
    const ready = await httpRequest(`${url}/readyz`);
    expect([ready.status, ready.json()]).toEqual([503, { status: 'shutting down' }]);
    expect((await httpRequest(`${url}/healthz`)).status).toBe(200);
    const late = await graphqlRequest(url, '{ me { role } }', await authHeaders());
    expect(late.status).toBe(503);
    expect(late.headers.connection).toBe('close');
    expect(late.json().errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    svc.ops.lifecycle.shuttingDown = false;
  });

  it('a body that is not JSON: 400 BAD_REQUEST in the GraphQL error shape, no stack', async () => {
    const res = await httpRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ errors: [{ message: 'The request could not be read', extensions: { code: 'BAD_REQUEST' } }] });
    const metrics = await httpRequest(`${url}/metrics`);
    expect(metricValue(metrics.body, 'jindu_errors_total{code="BAD_REQUEST"}')).toBe(1);
  });

  it('/readyz is 503 when the database does not answer', async () => {
    await ds.destroy();
    const ready = await httpRequest(`${url}/readyz`);
    expect([ready.status, ready.json()]).toEqual([503, { status: 'unavailable' }]);
  });
});
