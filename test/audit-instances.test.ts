import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../src/audit/audit.service';
import { parseDatabaseUrl } from '../src/config';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { graphqlRequest, ServiceProcess, startProcess } from './helpers/process';

// Two service processes share one MySQL/MariaDB database and nothing else: their concurrent audit
// appends must form one unbroken chain (the chain-head row is locked with SELECT ... FOR UPDATE).
// testDatabases() fails the suite when CI=true and TEST_MYSQL_URL is missing.
const mysql = testDatabases().find((d) => d.name === 'mysql');
const describeMysql = mysql ? describe : describe.skip;

describeMysql('audit chain with two service instances', () => {
  const name = `jindu_audit2_${randomBytes(4).toString('hex')}`;
  const server = new URL((process.env.TEST_MYSQL_URL || 'mysql://unused@127.0.0.1/none').replace(/^mariadb:/, 'mysql:'));
  const admin = () => createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
  const url = () => {
    const u = new URL(server.toString());
    u.pathname = `/${name}`;
    return u.toString();
  };
  let ds: DataSource;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    const c = await admin();
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    ds = await freshDatabase(parseDatabaseUrl(url()));
  });
  afterAll(async () => {
    for (const s of services) s.kill();
    await ds?.destroy();
    const c = await admin();
    await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await c.end();
  });

  it('keeps one chain when both append at once', async () => {
    const person = await new Fixtures(ds).person({ county: '640104' });
    services.push(...(await Promise.all([startProcess({ DATABASE_URL: url(), SUBJECT_MAX_IN_FLIGHT: '1000' }), startProcess({ DATABASE_URL: url(), SUBJECT_MAX_IN_FLIGHT: '1000' })])));
    const headers = await authHeaders('ADMIN', '640000', 'two instances');
    const query = 'query P($id: ID!) { person(id: $id) { name } }';
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => graphqlRequest(services[i % 2].url, query, headers, { id: String(person.id) })),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect(responses.every((r) => !r.json().errors)).toBe(true);
    const result = await verifyAuditChain(ds);
    expect(result).toEqual({ ok: true, checked: 80 });
  });
});
