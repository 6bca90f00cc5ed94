import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../src/audit/audit.service';
import { makeIdNumber } from '../src/common/id-number';
import { parseDatabaseUrl } from '../src/config';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { generalLog, ReplicaPair, replicaBinariesPresent, startGeneralLog, startReplicaPair } from './helpers/mariadb-replica';
import { graphqlRequest, httpRequest, ServiceProcess, startProcess } from './helpers/process';
import { DISTRICT_INDICATORS, PERSON_PROFILE } from './helpers/queries';

// Read/write splitting against a real MariaDB primary and replica (test/helpers/mariadb-replica.ts):
// which server each operation's statements reach is read from each server's general log. MariaDB-only:
// runs whenever TEST_MYSQL_URL is set (CI=true without it fails in testDatabases()).
const mysql = testDatabases().find((d) => d.name === 'mysql');
const describeMysql = mysql ? describe : describe.skip;
const DB = 'jindu_rep_replicas';

// a read, also with a per-statement variable (MariaDB's SET STATEMENT ... FOR SELECT: the person lists)
const isSelect = (s: string) => /^\s*(SET STATEMENT [a-z_]+ = \d+ FOR )?\(?\s*SELECT\b/i.test(s);
const isWrite = (s: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(s);
// what the pool itself sends on each new connection (src/ops/database.ts limitStatementTime)
const isSessionSetup = (s: string) => /^\s*SET SESSION max_statement_time/i.test(s);
// MariaDB's general log also lists the statements a trigger runs inside the client's statement (the audit
// append's: migrations/mysql/1796400000000-AuditAppendTriggers.ts); they name the NEW row
const isTriggerBody = (s: string) => /\bNEW\.`/.test(s);

const UPSERT_DETECTIONS = `mutation Det($input: [DrugUseDetectionInput!]!) {
  upsertDrugUseDetections(input: $input) { summary { read inserted personsCreated } results { status id } }
}`;

describeMysql('read replicas (a real MariaDB primary and replica)', () => {
  let pair: ReplicaPair;
  let ds: DataSource;
  let service: ServiceProcess;
  let onPrimary: Connection;
  let onReplica: Connection;
  let personId: number;
  let headers: Record<string, string>;
  const counts: Record<string, { primary: number; replica: number }> = {};

  // The statements (other than connection set-up) each server received from the service during `op`, and
  // apart from them, what triggers ran inside them.
  async function observe(label: string, op: () => Promise<void>): Promise<{ primary: string[]; replica: string[]; triggered: string[] }> {
    await Promise.all([startGeneralLog(onPrimary), startGeneralLog(onReplica)]);
    await op();
    const [logged, replica] = (await Promise.all([generalLog(onPrimary), generalLog(onReplica)])).map((l) => l.filter((s) => !isSessionSetup(s)));
    const primary = logged.filter((s) => !isTriggerBody(s));
    const triggered = logged.filter(isTriggerBody);
    counts[label] = { primary: primary.length, replica: replica.length };
    if (process.env.REPLICA_TEST_DEBUG) process.stdout.write(`${label}\n  primary:\n    ${primary.map((q) => q.slice(0, 110)).join('\n    ')}\n  replica:\n    ${replica.map((q) => q.slice(0, 110)).join('\n    ')}\n`);
    return { primary, replica, triggered };
  }
  const profile = (purpose = 'replica test') =>
    authHeaders('ADMIN', '640000', purpose).then((h) => graphqlRequest(service.url, PERSON_PROFILE, h, { id: String(personId) }));
  const auditEvents = async (c: Connection) => Number(((await c.query(`SELECT COUNT(*) AS n FROM ${DB}.audit_event`)) as any)[0][0].n);

  beforeAll(async () => {
    if (!replicaBinariesPresent()) throw new Error('mariadb-install-db / mariadbd not found: the read-replica suite needs them');
    const started = Date.now();
    pair = await startReplicaPair();
    onPrimary = await pair.primary.connect();
    onReplica = await pair.replica.connect();
    await onPrimary.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await onPrimary.query(`USE ${DB}`);
    await onReplica.query(`USE mysql`);
    ds = await freshDatabase(parseDatabaseUrl(pair.primary.url(DB)));
    const f = new Fixtures(ds);
    const person = await f.person({ county: '640104' });
    personId = person.id;
    await f.detection(person, '2022-03-01');
    await f.risk(person, '2022-03-02', 'YELLOW');
    const programme = await f.programme(person, 'COMMUNITY_DETOX', '2022-03-05');
    await f.check(programme, '2022-06-01', 'NEGATIVE');
    await f.assistance(person, 'VOCATIONAL_TRAINING', '2022-07-01');
    await pair.caughtUp();
    headers = await authHeaders('ADMIN', '640000', 'replica test');
    // recorded from the service's first connection on
    await Promise.all([startGeneralLog(onPrimary), startGeneralLog(onReplica)]);
    service = await startProcess({
      DATABASE_URL: pair.primary.url(DB),
      DATABASE_REPLICA_URLS: pair.replica.url(DB),
      DB_POOL_SIZE: '4',
      DB_STATEMENT_TIMEOUT_MS: '7000',
      LOG_LEVEL: 'info',
    });
    process.stdout.write(`read-replicas: servers, schema and service ready in ${Date.now() - started} ms\n`);
  });

  afterAll(async () => {
    service?.kill();
    await ds?.destroy();
    await onPrimary?.end().catch(() => undefined);
    await onReplica?.end().catch(() => undefined);
    await pair?.stop();
    process.stdout.write(`read-replicas: statements per server (primary/replica): ${JSON.stringify(counts)}\n`);
  });

  it('migrations run on the primary arrive on the replica', async () => {
    const names = async (c: Connection) => ((await c.query(`SELECT name FROM ${DB}.typeorm_migrations ORDER BY id`)) as any)[0].map((r: any) => r.name);
    const tables = async (c: Connection) =>
      ((await c.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? ORDER BY 1', [DB])) as any)[0].map((r: any) => r.t);
    const migrations = await names(onPrimary);
    expect(migrations.length).toBeGreaterThan(0);
    expect(await names(onReplica)).toEqual(migrations);
    expect(await tables(onReplica)).toEqual(await tables(onPrimary));
    expect(((await onReplica.query(`SELECT name FROM ${DB}.person WHERE id = ?`, [personId])) as any)[0]).toHaveLength(1);
  });

  it('the pool size and the statement time limit apply to the replica too', async () => {
    // every connection the service opened on the replica so far (readiness probes) got the limit
    const log = await generalLog(onReplica);
    expect(log.filter((s) => /^SET SESSION max_statement_time = 7$/.test(s)).length).toBeGreaterThanOrEqual(1);
    expect(log.filter((s) => !isSessionSetup(s)).every(isSelect)).toBe(true);
    const metrics = (await httpRequest(`${service.url}/metrics`)).body;
    expect(metrics).toMatch(/^jindu_db_pool_connections_max 8$/m); // 4 on the primary + 4 on the replica
  });

  it('/readyz reports the replica', async () => {
    const res = await httpRequest(`${service.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', replicas: { answering: 1, total: 1 } });
  });

  it('a person profile reads on the replica; its audit event is written on the primary', async () => {
    let res: Awaited<ReturnType<typeof profile>> | undefined;
    const seen = await observe('personProfile', async () => {
      res = await profile();
    });
    expect(res!.status).toBe(200);
    const body = res!.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.person.drugUseDetections).toHaveLength(1);
    expect(body.data.person.rehabProgrammes[0].followUpChecks).toHaveLength(1);
    expect(body.data.person.employmentAssistances).toHaveLength(1);
    // every record read came from the replica: the person and each relation
    const replicaReads = seen.replica.filter(isSelect);
    expect(seen.replica).toEqual(replicaReads);
    for (const table of ['person', 'drug_use_detection', 'risk_assessment', 'rehab_programme', 'follow_up_check', 'employment_assistance']) {
      expect(replicaReads.some((s) => new RegExp(`FROM \`?${table}\``).test(s))).toBe(true);
    }
    // the primary saw the audit append only: the chain head read (when this instance did not know it
    // yet), the event written by one INSERT (which moves the head and links the persons itself)
    expect(seen.primary.filter(isSelect).every((s) => /FROM audit_chain_head/.test(s))).toBe(true);
    expect(seen.primary.filter(isWrite).map((s) => s.slice(0, 25))).toEqual(['INSERT INTO `audit_event`']);
    expect(seen.primary.filter((s) => !isSelect(s) && !isWrite(s))).toEqual([]);
    expect(seen.triggered.map((s) => /^\w+( INTO)? `\w+`/.exec(s)?.[0])).toEqual(['UPDATE `audit_chain_head`', 'INSERT INTO `audit_event_person`']);
    // the service's statement count (src/common/sql-counter.ts) covers both servers
    const line = await service.waitForLog((l) => l.msg === 'request' && l.operation === 'PersonProfile');
    expect(line.statements).toBe(seen.replica.length + seen.primary.length);
  });

  it('a persons page and its count are read on the replica', async () => {
    let res: Awaited<ReturnType<typeof graphqlRequest>> | undefined;
    const seen = await observe('personsPage', async () => {
      res = await graphqlRequest(service.url, '{ persons(first: 5) { totalCount edges { node { id name } } } }', headers);
    });
    expect(res!.json().errors).toBeUndefined();
    expect(res!.json().data.persons.totalCount).toBe(1);
    expect(seen.replica.filter((s) => /FROM `person` `p`/.test(s))).toHaveLength(1); // the page with its count (src/persons/person.query.ts)
    expect(seen.primary.filter((s) => /FROM `person`/.test(s))).toEqual([]);
  });

  it('district indicators are computed on the replica', async () => {
    let res: Awaited<ReturnType<typeof graphqlRequest>> | undefined;
    const seen = await observe('districtIndicators', async () => {
      res = await graphqlRequest(service.url, DISTRICT_INDICATORS, headers, { level: 'COUNTY', parentCode: '640100', from: '2022-01-01', to: '2022-12-31' });
    });
    expect(res!.json().errors).toBeUndefined();
    const county = res!.json().data.districts.find((d: any) => d.code === '640104');
    expect(county.indicators.drugUseDetections).toBe(1);
    expect(seen.replica.filter(isSelect).length).toBeGreaterThanOrEqual(5);
    expect(seen.replica.filter(isWrite)).toEqual([]);
    expect(seen.primary.filter(isSelect)).toEqual([]);
  });

  it('an ingest mutation writes and reads on the primary only', async () => {
    const idNumber = makeIdNumber('640104', '1991-01-01', 77);
    let res: Awaited<ReturnType<typeof graphqlRequest>> | undefined;
    const seen = await observe('ingestMutation', async () => {
      res = await graphqlRequest(service.url, UPSERT_DETECTIONS, headers, {
        input: [{ sourceKey: 'REP-D-1', idNumber, name: '复制', residenceDistrictCode: '640104', districtCode: '640104', detectedAt: '2022-05-01', substance: 'HEROIN', method: 'URINE', disposition: 'COMMUNITY_DETOX_ORDER' }],
      });
    });
    expect(res!.json().errors).toBeUndefined();
    expect(res!.json().data.upsertDrugUseDetections.summary).toEqual({ read: 1, inserted: 1, personsCreated: 1 });
    expect(seen.replica).toEqual([]);
    expect(seen.primary.some((s) => /^INSERT INTO `drug_use_detection`/.test(s))).toBe(true);
    expect(seen.primary.some((s) => /^INSERT INTO `audit_event`/.test(s))).toBe(true);
    // and it reaches the replica through replication, not through the service
    await pair.caughtUp();
    const [rows] = (await onReplica.query(`SELECT COUNT(*) AS n FROM ${DB}.drug_use_detection WHERE source_key = 'REP-D-1'`)) as any;
    expect(Number(rows[0].n)).toBe(1);
  });

  it('while the replica lags, audit appends still chain on the primary and verify', async () => {
    await pair.caughtUp();
    const before = await auditEvents(onPrimary);
    expect(await auditEvents(onReplica)).toBe(before);
    await onReplica.query('STOP SLAVE SQL_THREAD');
    try {
      for (const purpose of ['lag one', 'lag two', 'lag three']) {
        const res = await profile(purpose);
        expect(res.json().errors).toBeUndefined();
        expect(res.json().data.person.id).toBe(String(personId));
      }
      expect(await auditEvents(onPrimary)).toBe(before + 3);
      expect(await auditEvents(onReplica)).toBe(before); // not there yet
      expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: before + 3 });
      // the CLI, even with the lagging replica configured, verifies the primary's chain
      const cli = await promisify(execFile)(process.execPath, [join(__dirname, '..', 'dist', 'src', 'cli', 'audit-verify.js')], {
        env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: pair.primary.url(DB), DATABASE_REPLICA_URLS: pair.replica.url(DB) },
      });
      expect(cli.stdout.trim()).toBe(`audit chain intact: ${before + 3} events verified`);
    } finally {
      await onReplica.query('START SLAVE SQL_THREAD');
    }
    await pair.caughtUp();
    expect(await auditEvents(onReplica)).toBe(before + 3);
  });

  it('with the replica gone, reads fall back to the primary and /readyz says so', async () => {
    await onReplica.end();
    await pair.replica.connect().then((c) => c.query('SHUTDOWN'));
    await new Promise((resolve) => (pair.replica.process.exitCode === null ? pair.replica.process.once('exit', resolve) : resolve(null)));
    await startGeneralLog(onPrimary);
    const res = await profile('replica down');
    expect(res.json().errors).toBeUndefined();
    expect(res.json().data.person.id).toBe(String(personId));
    const primary = (await generalLog(onPrimary)).filter((s) => !isSessionSetup(s));
    counts.replicaDownProfile = { primary: primary.length, replica: 0 };
    expect(primary.some((s) => /FROM `person`/.test(s))).toBe(true);
    await service.waitForLog((l) => l.msg === 'no read replica reachable; reading from the primary');
    const ready = await httpRequest(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', replicas: { answering: 0, total: 1 } });
  });
});
