import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config';
import { openDataSource } from '../src/database';
import { buildDepartmentSubgraph } from '../src/subgraph-schema';
import { authHeaders } from './helpers/auth';
import { freshDatabase } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { ServiceProcess, startProcess } from './helpers/process';

// Issue 14, item 16: safe by default.
describe('safe defaults', () => {
  describe('configuration', () => {
    const production = (secret: string) => () => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret });
    it.each([
      ['40 spaces', ' '.repeat(40)],
      ['one repeated character', 'a'.repeat(48)],
      ['a short pattern repeated', 'ab12'.repeat(12)],
    ])('production refuses a low-entropy secret: %s', (_what, secret) => {
      expect(production(secret)).toThrow(ConfigError);
      expect(production(secret)).toThrow(/^AUTH_JWT_SECRET: too predictable/);
    });

    it('production accepts a random secret', () => {
      expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'q3Jv9XbT0pL2mZr8sWc4Yh7KdN1fGa6Eu5oBiVxQ', AUDIT_HMAC_KEY: 'audit key of the safe-defaults test 0123456789', AUDIT_CHECKPOINT_FILE: '/tmp/jindu-safe-defaults-checkpoints' }).auth.jwtSecret).toHaveLength(40);
    });

    it('development listens on loopback only unless HOST says otherwise; production on every interface', () => {
      expect(loadConfig({ NODE_ENV: 'development' }).host).toBe('127.0.0.1');
      expect(loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'q3Jv9XbT0pL2mZr8sWc4Yh7KdN1fGa6Eu5oBiVxQ', AUDIT_HMAC_KEY: 'audit key of the safe-defaults test 0123456789', AUDIT_CHECKPOINT_FILE: '/tmp/jindu-safe-defaults-checkpoints' }).host).toBe('0.0.0.0');
      expect(() => loadConfig({ HOST: 'a b' })).toThrow(/^HOST:/);
    });
  });

  describe('the process', () => {
    let service: ServiceProcess | undefined;
    afterEach(() => service?.kill());
    // SUBGRAPH=justice: no demo data to seed, a quick start
    const base = { DATABASE_URL: 'sqlite::memory:', NODE_ENV: 'development', LOG_LEVEL: 'info', SUBGRAPH: 'justice' };

    it('`npm start` in development listens on 127.0.0.1 only', async () => {
      service = await startProcess(base);
      const line = await service.waitForLog((l) => /listening on/.test(l.msg ?? ''));
      expect(line.host).toBe('127.0.0.1');
      const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = connect(service!.port, external.address, () => (socket.destroy(), resolve(true)));
          socket.on('error', () => resolve(false));
        });
        expect(reached).toBe(false);
      }
      expect(service.stderr).not.toMatch(/WARNING/);
    });

    it('HOST=0.0.0.0 with the development secret warns loudly', async () => {
      service = await startProcess({ ...base, HOST: '0.0.0.0' });
      expect(service.stderr).toMatch(/WARNING: jindu-graph listens on 0\.0\.0\.0 with the public development token secret/);
      expect(service.logs().some((l) => l.level === 40 && /PUBLIC DEVELOPMENT SECRET/.test(l.msg))).toBe(true);
    });
  });

  it('the SQLite database, its -wal and -shm files are 0600 and the directory it creates 0700', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jindu-perm-'));
    const file = join(root, 'data', 'dev.sqlite');
    const previous = process.umask(0o022);
    let ds: DataSource | undefined;
    try {
      ds = await openDataSource({ kind: 'sqlite', path: file });
      await ds.query('CREATE TABLE t (x INTEGER)');
      await ds.query('INSERT INTO t VALUES (1)');
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(join(root, 'data'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      process.umask(previous);
      await ds?.destroy();
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('production HTTP', () => {
    let ds: DataSource;
    let http: HttpService;
    let subgraph: HttpService;
    const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';
    beforeAll(async () => {
      ds = await freshDatabase({ kind: 'sqlite', path: ':memory:' });
      http = await startHttp(ds, { production: true, ops: { metricsToken: METRICS_TOKEN } });
      subgraph = await startHttp(ds, { production: true, schema: await buildDepartmentSubgraph('justice') });
    });
    afterAll(async () => {
      await subgraph?.close();
      await http?.close();
      await ds?.destroy();
    });

    it('/metrics answers only the METRICS_TOKEN bearer', async () => {
      expect((await fetch(`${http.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${http.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(`${http.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('jindu_requests_total');
    });

    it("a subgraph's _service { sdl } answers administrators only", async () => {
      const justice = await postGraphql(subgraph.url, '{ _service { sdl } }', {}, await authHeaders('JUSTICE', '640104'));
      expect(justice.status).toBe(403);
      expect(justice.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(justice.body.data ?? null).toBeNull();
      const admin = await postGraphql(subgraph.url, '{ _service { sdl } }', {}, await authHeaders('ADMIN'));
      expect(admin.body.data._service.sdl).toContain('type Query');
    });
  });
});
