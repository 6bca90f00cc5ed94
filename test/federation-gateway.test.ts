import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource, MoreThan } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { verifyAuditChain } from '../src/audit/audit.service';
import { DatabaseTarget, parseDatabaseUrl } from '../src/config';
import { SUBGRAPH_NAMES } from '../src/subgraph-split';
import { authHeaders, tokenFor } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { seedAccessFixture } from './helpers/access-fixture';
import { FEDERATION_ENTRIES, graphqlRequest, ServiceProcess, startProcess } from './helpers/process';
import { DISTRICT_INDICATORS, PERSON_PROFILE } from './helpers/queries';

const INSIDE = '640104'; // Xingqing, Yinchuan
const OUTSIDE = '640402'; // Yuanzhou, Guyuan

// A database of its own for each run: a file for SQLite (shared by the processes), a new database on
// the MySQL/MariaDB server.
async function ownDatabase(name: 'sqlite' | 'mysql', target: DatabaseTarget): Promise<{ url: string; drop(): Promise<void> }> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jindu-fed-'));
    return { url: `sqlite:${join(dir, 'federation.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL((target as { url: string }).url);
  const db = `jindu_fed_gw_${randomBytes(4).toString('hex')}`;
  const admin = () => createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) });
  const c = await admin();
  await c.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  server.pathname = `/${db}`;
  return {
    url: server.toString(),
    drop: async () => {
      const c2 = await admin();
      await c2.query(`DROP DATABASE IF EXISTS \`${db}\``);
      await c2.end();
    },
  };
}

// Three department subgraphs, each its own process, behind @apollo/gateway in a fourth; the single
// service (in this process, on the same database) answers the same operations for comparison.
describe.each(testDatabases())('Apollo Federation: three department subgraphs behind the gateway ($name)', ({ name, target }) => {
  let database: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let fx: Awaited<ReturnType<typeof seedAccessFixture>>;
  let single: HttpService;
  let gateway: ServiceProcess;
  const subgraphs: Record<string, ServiceProcess> = {};
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    database = await ownDatabase(name, target);
    ds = await freshDatabase(parseDatabaseUrl(database.url));
    fx = await seedAccessFixture(ds, INSIDE, OUTSIDE);
    single = await startHttp(ds);
    let started = Date.now();
    const processes = await Promise.all(
      SUBGRAPH_NAMES.map((subgraph) => startProcess({ DATABASE_URL: database.url, SUBGRAPH: subgraph, LOG_LEVEL: 'info' }, { entry: FEDERATION_ENTRIES.subgraph })),
    );
    timings.subgraphsReadyMs = Date.now() - started;
    SUBGRAPH_NAMES.forEach((subgraph, i) => (subgraphs[subgraph] = processes[i]));
    const urls = SUBGRAPH_NAMES.map((subgraph) => `${subgraph}=${subgraphs[subgraph].url}/graphql`).join(',');
    started = Date.now();
    gateway = await startProcess({ SUBGRAPH_URLS: urls }, { entry: FEDERATION_ENTRIES.gateway });
    timings.gatewayReadyMs = Date.now() - started;
  });
  afterAll(async () => {
    gateway?.kill();
    for (const p of Object.values(subgraphs)) p.kill();
    await Promise.all([gateway?.exited, ...Object.values(subgraphs).map((p) => p.exited)]);
    await single?.close();
    await ds?.destroy();
    await database?.drop();
    process.stdout.write(`federation (${name}): ${JSON.stringify(timings)}\n`);
    if (process.env.DEBUG_FED) for (const p of [gateway, ...Object.values(subgraphs)]) process.stdout.write(p.stdout.split('\n').filter((l) => /error|warn/i.test(l)).join('\n').slice(0, 4000) + '\n' + p.stderr);
  });

  const lastSeq = async () => (await ds.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 1 }))[0]?.seq ?? 0;
  const eventsAfter = (seq: number) => ds.getRepository(AuditEvent).find({ where: { seq: MoreThan(seq) }, order: { seq: 'ASC' } });
  const viaGateway = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>, label?: string) => {
    const res = await graphqlRequest(gateway.url, query, headers, variables);
    if (label) timings[label] = res.ms;
    return { status: res.status, body: res.json() };
  };

  it('answers a full person profile, with relations from all three departments, exactly as the single service does', async () => {
    const headers = await authHeaders('ADMIN', '640000', 'federation profile');
    const before = await lastSeq();
    const federated = await viaGateway(PERSON_PROFILE, { id: String(fx.inside.id) }, headers, 'profileMs');
    const events = await eventsAfter(before);
    const direct = await postGraphql(single.url, PERSON_PROFILE, { id: String(fx.inside.id) }, headers);

    expect(federated.body.errors).toBeUndefined();
    expect(federated.body).toEqual(direct.body);
    const person = federated.body.data.person;
    expect([person.drugCases.length, person.rehabProgrammes.length, person.employmentAssistances.length]).toEqual([1, 1, 1]);
    expect(person.rehabProgrammes[0].followUpChecks).toHaveLength(1);
    expect(person.employmentAssistances[0].provider).toBe('某公司');

    // each subgraph that read the person wrote its own audit event, with the person and the purpose
    const byOperation: Record<string, { outcome: string; personIds: number[]; purpose: string | null }> = Object.fromEntries(
      // the gateway names each fetch OPERATION__SUBGRAPH__N (N: its place in the query plan)
      events.map((e) => [e.operationName!.replace(/__\d+$/, ''), { outcome: e.outcome, personIds: e.personIds.split(',').filter(Boolean).map(Number), purpose: e.purpose }]),
    );
    expect(Object.keys(byOperation).sort()).toEqual(['PersonProfile__employment', 'PersonProfile__justice', 'PersonProfile__public_security']);
    for (const event of Object.values(byOperation)) {
      expect(event).toMatchObject({ outcome: 'ALLOWED', purpose: 'federation profile' });
      expect(event.personIds).toContain(fx.inside.id);
    }
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true });

    // warm latency of the same profile, gateway (3 fetches, 3 audit events) vs the single service, median of 10,
    // both over keep-alive connections (printed, not asserted)
    const median = async (ask: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        const started = performance.now();
        await ask();
        ms.push(performance.now() - started);
      }
      return Math.round(ms.sort((a, b) => a - b)[5] * 10) / 10;
    };
    timings.profileWarmGatewayMedianMs = await median(() => postGraphql(gateway.url, PERSON_PROFILE, { id: String(fx.inside.id) }, headers));
    timings.profileWarmSingleMedianMs = await median(() => postGraphql(single.url, PERSON_PROFILE, { id: String(fx.inside.id) }, headers));
  });

  it("answers a district's indicators, merged from the three departments, exactly as the single service does", async () => {
    const headers = await authHeaders('ADMIN', '640000', 'federation indicators');
    const variables = { parentCode: '640100', from: '2022-01-01', to: '2022-12-31' };
    const federated = await viaGateway(DISTRICT_INDICATORS, variables, headers, 'indicatorsMs');
    const direct = await postGraphql(single.url, DISTRICT_INDICATORS, variables, headers);
    expect(federated.body.errors).toBeUndefined();
    expect(federated.body).toEqual(direct.body);
    const xingqing = federated.body.data.districts.find((d: { code: string }) => d.code === INSIDE);
    // the fixture's person in Xingqing: one arrest, one programme, one assistance
    expect(xingqing.indicators).toMatchObject({ suspectsArrested: 2, communityOrders: 1, employmentAssisted: 1 });
  });

  it('a role that may not read a field gets FORBIDDEN on it, from the subgraph that serves it', async () => {
    const headers = await authHeaders('EMPLOYMENT', '640000', 'federation roles');
    const query = 'query Roles($id: ID!) { person(id: $id) { name rehabProgrammes { kind } employmentAssistances { kind } } }';
    const federated = await viaGateway(query, { id: String(fx.inside.id) }, headers);
    const direct = await postGraphql(single.url, query, { id: String(fx.inside.id) }, headers);
    expect(federated.body.data).toEqual(direct.body.data);
    expect(federated.body.data.person).toMatchObject({ rehabProgrammes: null, employmentAssistances: [{ kind: 'JOB_PLACEMENT' }] });
    const errors = federated.body.errors.map((e: any) => [e.path?.join('.'), e.extensions.code]);
    expect(errors).toEqual([['person.rehabProgrammes', 'FORBIDDEN']]);
  });

  it("a person outside the viewer's jurisdiction is not revealed, neither through the gateway nor by _entities", async () => {
    const headers = await authHeaders('PUBLIC_SECURITY', INSIDE, 'federation jurisdiction');
    const outside = await viaGateway(PERSON_PROFILE, { id: String(fx.outside.id) }, headers);
    expect(outside.body).toEqual({ data: { person: null } });

    // a subgraph asked directly for entities: the one outside answers null and is not recorded as read
    const entities = `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id rehabProgrammes { kind } } } }`;
    const before = await lastSeq();
    const res = await graphqlRequest(subgraphs.justice.url, entities, headers, {
      r: [{ __typename: 'Person', id: String(fx.outside.id) }, { __typename: 'Person', id: String(fx.inside.id) }],
    });
    expect(res.json()).toEqual({ data: { _entities: [null, { id: String(fx.inside.id), rehabProgrammes: [{ kind: 'COMMUNITY_DETOX' }] }] } });
    const [event] = await eventsAfter(before);
    expect([event.operationName, event.personIds]).toEqual(['Entities', String(fx.inside.id)]);

    // asking only whether ids resolve is person-level too: it needs the purpose and is audited
    const bare = `query Bare($r: [_Any!]!) { _entities(representations: $r) { __typename } }`;
    const noPurpose = (await graphqlRequest(subgraphs.justice.url, bare, { authorization: headers.authorization }, { r: [{ __typename: 'Person', id: String(fx.inside.id) }] })).json();
    expect([noPurpose.data, noPurpose.errors.map((e: any) => e.extensions.code)]).toEqual([undefined, ['FORBIDDEN']]);
    const [refusal] = await eventsAfter(event.seq);
    expect([refusal.operationName, refusal.outcome]).toEqual(['Bare', 'DENIED']);

    // and a role without person-level access gets nothing from _entities
    const office = { authorization: `Bearer ${await tokenFor('PROVINCIAL_OFFICE')}`, 'x-access-purpose': 'federation jurisdiction' };
    const denied = (await graphqlRequest(subgraphs.employment.url, entities.replace('rehabProgrammes', 'employmentAssistances'), office, { r: [{ __typename: 'Person', id: String(fx.inside.id) }] })).json();
    expect(denied.data._entities).toEqual([null]);
    expect(denied.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it("a department's mutation goes to its own subgraph; the new record is read back through the gateway", async () => {
    const headers = await authHeaders('EMPLOYMENT', '640000', 'federation ingest');
    const person = fx.inside;
    const input = {
      sourceKey: 'FED-EA-1', idNumber: person.idNumber, name: person.name, residenceDistrictCode: INSIDE, districtCode: INSIDE,
      kind: 'VOCATIONAL_TRAINING', startedAt: '2022-09-01', subsidyAmountCny: 300,
    };
    const upsert = 'mutation A($input: [EmploymentAssistanceInput!]!) { upsertEmploymentAssistances(input: $input) { summary { inserted } } }';
    const written = await viaGateway(upsert, { input: [input] }, headers);
    expect(written.body).toEqual({ data: { upsertEmploymentAssistances: { summary: { inserted: 1 } } } });
    // the employment subgraph's request log has the gateway's fetch (named OPERATION__SUBGRAPH__N); no other subgraph's
    await subgraphs.employment.waitForLog((l) => l.msg === 'request' && /^A__employment__\d+$/.test(l.operation ?? ''));
    for (const other of ['public-security', 'justice']) expect(subgraphs[other].logs().filter((l) => /^A__/.test(l.operation ?? ''))).toEqual([]);
    const read = await viaGateway('query R($id: ID!) { person(id: $id) { employmentAssistances { kind } } }', { id: String(fx.inside.id) }, headers);
    expect(read.body.data.person.employmentAssistances.map((a: { kind: string }) => a.kind).sort()).toEqual(['JOB_PLACEMENT', 'VOCATIONAL_TRAINING']);
    // another department's mutation is refused by the subgraph that serves it
    const justice = await viaGateway('mutation { upsertRehabCentres(input: []) { summary { inserted } } }', {}, headers);
    expect(justice.body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it("the gateway applies the single service's query limits before asking any subgraph", async () => {
    const headers = await authHeaders('ADMIN', '640000', 'federation limits');
    const deep = 'query { persons(first: 1) { nodes { drugCases { case { suspects { person { drugCases { case { suspects { person { drugCases { case { id } } } } } } } } } } } } }';
    const before = await lastSeq();
    const refused = await viaGateway(deep, {}, headers);
    expect(refused.body.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await eventsAfter(before)).toEqual([]);
  });

  it('a missing purpose is refused, and the refusal is audited by the subgraph asked', async () => {
    const { authorization } = await authHeaders('ADMIN');
    const before = await lastSeq();
    const refused = await viaGateway(PERSON_PROFILE, { id: String(fx.inside.id) }, { authorization });
    expect(refused.body.data).toEqual({ person: null });
    expect(refused.body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(refused.body.errors[0].message).toMatch(/X-Access-Purpose/);
    const events = await eventsAfter(before);
    expect(events.map((e) => [e.operationName, e.outcome, e.personCount])).toEqual([['PersonProfile__public_security__0', 'DENIED', 0]]);

    // without a token nothing is answered at all
    const anonymous = await viaGateway('{ me { role } }', {}, {});
    expect(anonymous.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});
