#!/usr/bin/env node
// npm run bench -- --persons 10000|100000|1000000 [--reuse] [--duration 20] [--connections 10,50]
//                  [--workloads profile,page,indicators,report] [--impls ours,naive,raw,postgraphile] [--no-load]
//                  [--pg-server postgres://postgres@127.0.0.1:5432] [--compare-samples 25] [--load-rounds 1]
//                  [--samples N] [--seq-budget 30] [--slow-ms 2500] [--no-audit] [--no-md] [--naive-all]
//   npm run bench -- --md-only          regenerates BENCHMARKS.md from bench-results/*.json
//   BENCH_DIST=path/to/other/dist ...   measures another build of the service (before/after a change)
//
// Issue 7: the four workloads against three implementations on the same data in the same run:
//   ours  - the service itself (dist/src/index.js, NODE_ENV=production, auth, access middleware, audit)
//   naive - the same schema without DataLoader (test/bench/naive-server.js)
//   raw   - hand-written mysql2 SQL + JSON.stringify over node:http (test/bench/raw-server.js)
//   postgraphile - PostGraphile 5 over a PostgreSQL copy of the same tables (issue 17; profile and page
//           only; test/bench/postgraphile-server.js), skipped with a message when PostgreSQL is unreachable
// For each: sequential latency after warm-up (p50/p95/p99), SQL statements per operation, throughput
// and errors under load (autocannon), peak RSS. Then the audit append in isolation (issue 4).
// Output: a table on stdout, JSON under bench-results/, and the generated part of BENCHMARKS.md.
// Never part of `npm test` (jest ignores test/bench).
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const readline = require('node:readline');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');
const { ROOT, DIST, service, sleep, freePort, rssMb, resetPeak, cpuSeconds, machineBusySeconds, databasePid, postgresCpu, postgresCpuSince, prng, summarize, request, parseArgs } = require('./lib/common');
const pgl = require('./lib/postgraphile');
const { copyToPostgres, postgresUnavailable } = require('./lib/pg-copy');
const { workloads } = require('./lib/workloads');
const { compareAnswers } = require('./lib/compare');
const { measureAuditAppend } = require('./audit-append');
const { printTables, writeMarkdown } = require('./lib/report');
const { mergeSlices } = require('./lib/load-rounds');

const args = parseArgs(process.argv.slice(2));
if (args['md-only']) {
  // regenerate BENCHMARKS.md from bench-results/ without measuring
  process.stdout.write(`${writeMarkdown(join(ROOT, 'bench-results'), join(ROOT, 'BENCHMARKS.md'))}\n`);
  process.exit(0);
}
const PERSONS = Number(args.persons);
if (!Number.isSafeInteger(PERSONS) || PERSONS < 1) {
  process.stderr.write('usage: npm run bench -- --persons 10000|100000|1000000 [--reuse] [--duration 20] ...\n');
  process.exit(2);
}
const DURATION = Number(args.duration ?? 20);
const CONNECTIONS = String(args.connections ?? '10,50').split(',').map(Number).filter((n) => n > 0);
const WORKLOADS = String(args.workloads ?? 'profile,page,indicators,report').split(',');
let IMPLS = String(args.impls ?? 'ours,naive,raw,postgraphile').split(',');
const PG_SERVER = String(args['pg-server'] ?? process.env.BENCH_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432');
const LOAD = !args['no-load'];
const LOAD_ROUNDS = Math.max(1, Number(args['load-rounds'] ?? 1));
const SEQ_BUDGET_MS = Number(args['seq-budget'] ?? 30) * 1000;
const SLOW_MS = Number(args['slow-ms'] ?? 2500);
const SERVER = process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306';
const LABEL = PERSONS % 1_000_000 === 0 ? `${PERSONS / 1_000_000}m` : PERSONS % 1000 === 0 ? `${PERSONS / 1000}k` : String(PERSONS);
const DATABASE = args.database || `jindu_bench_${LABEL}`;
const DATABASE_URL = `${SERVER}/${DATABASE}`;
// --before <dist>: the service built from other code (e.g. a copy of dist/ from before a change),
// measured as a fourth implementation, interleaved with the others: before/after in one run
const BEFORE_DIST = typeof args.before === 'string' ? args.before : null;
const isService = (kind) => kind === 'ours' || kind === 'before';
// sequential samples after warm-up, per workload (capped by --seq-budget, at least 3 unless very slow)
const SAMPLES = { profile: 300, page: 40, indicators: 15, report: 15 };
const WARMUP = { profile: 50, page: 5, indicators: 2, report: 2 };

const V8_FLAGS = ['--max-semi-space-size=64'];
const log = (msg) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ---------------------------------------------------------------------------------------------
// Database: seed a fresh one, or reuse it (migrations applied first either way)

function runNode(script, scriptArgs, env) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr || r.stdout}`);
  return { out: r.stdout, seconds: (Date.now() - started) / 1000 };
}

async function prepareDatabase() {
  const admin = await mysql.createConnection({ uri: SERVER });
  try {
    const [exists] = await admin.query('SHOW DATABASES LIKE ?', [DATABASE]);
    const info = { database: DATABASE, reused: false, seedSeconds: null, migrateSeconds: null };
    if (args.reuse && exists.length) {
      info.reused = true;
      info.migrateSeconds = runNode(join(DIST, 'src', 'cli', 'migrate.js'), [], { DATABASE_URL }).seconds;
    } else {
      if (args.reuse) log(`--reuse: ${DATABASE} does not exist yet, seeding it`);
      log(`seeding ${DATABASE} with ${PERSONS} persons (migrations first; ~2,300 persons/s)`);
      await admin.query(`DROP DATABASE IF EXISTS \`${DATABASE}\``);
      await admin.query(`CREATE DATABASE \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const seeded = runNode(join(DIST, 'src', 'cli', 'seed.js'), ['--persons', String(PERSONS)], { DATABASE_URL });
      info.seedSeconds = seeded.seconds;
      log(`seeded in ${seeded.seconds.toFixed(0)} s`);
    }
    const [[{ n }]] = await admin.query(`SELECT COUNT(*) AS n FROM \`${DATABASE}\`.person`);
    if (Number(n) !== PERSONS) throw new Error(`${DATABASE} holds ${n} persons, not ${PERSONS}: run without --reuse to seed it again`);
    const [tables] = await admin.query(
      `SELECT table_name AS t, table_rows AS r, ROUND((data_length + index_length) / 1048576) AS mb FROM information_schema.tables WHERE table_schema = ?`,
      [DATABASE],
    );
    info.approxRows = tables.reduce((s, t) => s + Number(t.r), 0);
    info.sizeMb = tables.reduce((s, t) => s + Number(t.mb), 0);
    const [[v]] = await admin.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool');
    info.server = { version: v.version, innodbBufferPoolMb: Math.round(Number(v.bufferPool) / 1048576) };
    return info;
  } finally {
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

// Production needs the audit chain's key and a checkpoint file outside the database: one random key
// per benchmark database, kept under bench-results/ (ignored by git) so that a reused chain stays verifiable.
function serviceEnv() {
  const dir = join(ROOT, 'bench-results', 'audit');
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, `${DATABASE}.key`);
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  return {
    AUDIT_KEY_FILE: keyFile,
    AUDIT_CHECKPOINT_FILE: join(dir, `${DATABASE}.checkpoints`),
    // all the load comes from one token: the per-subject quotas (a defence against one runaway
    // client) are lifted, as for many users each within their quota
    SUBJECT_MAX_IN_FLIGHT: '1000',
    SUBJECT_MAX_HEAVY_IN_FLIGHT: '1000',
    SUBJECT_BURST: '1000000',
    SUBJECT_RATE_PER_MINUTE: '1000000',
  };
}

async function startServer(kind, { logLevel = 'silent', secret } = {}) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATABASE_URL };
  let script;
  if (isService(kind)) {
    script = join(kind === 'before' ? BEFORE_DIST : DIST, 'src', 'index.js');
    Object.assign(env, { NODE_ENV: 'production', AUTH_JWT_SECRET: secret, LOG_LEVEL: logLevel, ...serviceEnv() });
  } else script = join(__dirname, `${kind}-server.js`);
  if (kind === 'postgraphile') env.PG_URL = `${PG_SERVER}/${DATABASE}`;
  // every implementation runs with the V8 settings the service is started with (package.json start,
  // Dockerfile): a 64 MB young generation (see docs/CONFIGURATION.md, "Node settings")
  const nodeArgs = [...V8_FLAGS, ...(process.env.BENCH_CPU_PROF && process.env.BENCH_CPU_PROF.split(',').includes(kind) ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench-results', 'profiles')}`] : [])];
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  const server = { kind, port, url: `http://127.0.0.1:${port}`, child, pid: child.pid, lines, collecting: false };
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (server.collecting && line.startsWith('{')) lines.push(line);
  });
  server.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const probe = isService(kind) ? '/readyz' : '/inflight';
  for (let i = 0; ; i++) {
    const ok = await request(`${server.url}${probe}`, {}, 2000).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (child.exitCode !== null || i > 1200) throw new Error(`${kind} server did not start`);
    await sleep(100);
  }
  return server;
}

async function stopServer(server) {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await Promise.race([server.exited, sleep(15000)]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

async function inFlight(server) {
  if (isService(server.kind)) {
    const text = (await request(`${server.url}/metrics`)).text;
    const line = text.split('\n').find((l) => l.startsWith('jindu_requests_in_flight '));
    return Number(line.split(' ')[1]);
  }
  return JSON.parse((await request(`${server.url}/inflight`)).text).inFlight;
}

// After a load run, requests still being answered would slow the next measurement down.
async function drain(server, capMs = 180_000) {
  const started = Date.now();
  for (;;) {
    const n = await inFlight(server).catch(() => 0);
    if (n === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > capMs) return null;
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

function requestFor(server, w, input, token) {
  if (server.kind === 'raw') return { url: `${server.url}${input.rawPath}`, opts: { method: 'GET' } };
  const headers = { 'content-type': 'application/json' };
  if (server.kind === 'postgraphile') return { url: `${server.url}/graphql`, opts: { method: 'POST', headers, body: pgl.body(w.key, input.variables) } };
  if (isService(server.kind)) Object.assign(headers, { authorization: `Bearer ${token}`, 'x-access-purpose': 'benchmark' });
  const body = JSON.stringify({ operationName: w.operationName, query: w.query, variables: input.variables });
  return { url: `${server.url}/graphql`, opts: { method: 'POST', headers, body } };
}

function answerError(res) {
  if (res.status !== 200) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  if (res.text.includes('"errors":')) return res.text.slice(0, 300);
  return null;
}

// Sequential latency of every implementation of one workload, interleaved: after each one's warm-up,
// rounds of one request to each in turn, so that whatever else the machine does at that moment slows
// all three alike and the ratios stay honest. Each gets the same inputs in the same order, up to its
// sample count or its time budget (SEQ_BUDGET_MS of its own requests; at least 3 samples, 1 if a
// single request takes more than 20 s).
async function sequentialAll(servers, w, token) {
  const target = Number(args.samples ?? SAMPLES[w.key]);
  const states = [];
  for (const server of servers) {
    const st = { server, r: prng(7), ms: [], statements: [], serverMs: [], bytes: [], errors: [], spent: 0, done: false, loadAvg: os.loadavg()[0] };
    st.send = () => {
      const { url, opts } = requestFor(server, w, w.input(st.r), token);
      return request(url, opts);
    };
    // warm-up: JIT, connection pool, buffer pool; a slow workload warms up once (own input sequence)
    const warm = prng(5);
    const warmStarted = Date.now();
    let lastMs = 0;
    for (let i = 0; i < WARMUP[w.key]; i++) {
      const { url, opts } = requestFor(server, w, w.input(warm), token);
      lastMs = (await request(url, opts)).ms;
      if (Date.now() - warmStarted > 10_000) break;
    }
    st.minSamples = lastMs > 20_000 ? 1 : 3;
    server.lines.length = 0;
    server.collecting = true;
    states.push(st);
  }
  while (states.some((st) => !st.done)) {
    for (const st of states) {
      if (st.done) continue;
      const res = await st.send();
      st.ms.push(res.ms);
      st.spent += res.ms;
      st.bytes.push(Buffer.byteLength(res.text));
      const err = answerError(res);
      if (err) st.errors.push(err);
      if (res.headers['x-sql-statements']) st.statements.push(Number(res.headers['x-sql-statements']));
      if (res.headers['x-server-ms']) st.serverMs.push(Number(res.headers['x-server-ms']));
      if (st.ms.length >= target || (st.spent >= SEQ_BUDGET_MS && st.ms.length >= st.minSamples)) st.done = true;
    }
  }
  await sleep(200);
  const out = {};
  for (const st of states) {
    const { server } = st;
    if (isService(server.kind)) {
      // the service's own request log: server-side time and statements of each request
      for (const line of server.lines) {
        const rec = JSON.parse(line);
        if (rec.msg !== 'request' || rec.operation !== w.operationName) continue;
        st.serverMs.push(rec.ms);
        st.statements.push(rec.statements);
      }
    }
    server.collecting = false;
    out[server.kind] = {
      latencyMs: summarize(st.ms),
      serverMs: st.serverMs.length ? summarize(st.serverMs) : null,
      statements: st.statements.length ? summarize(st.statements) : null,
      responseBytes: summarize(st.bytes).p50,
      errors: st.errors.length,
      firstError: st.errors[0] ?? null,
      loadAvgBefore: Math.round(st.loadAvg * 100) / 100,
      rssMb: rssMb(server.pid),
    };
  }
  return out;
}

async function load(server, w, token, connections, duration = DURATION) {
  const r = prng(11 + connections);
  let graphqlErrors = 0;
  let firstError = null;
  const sample = requestFor(server, w, w.input(prng(1)), token);
  const path = new URL(sample.url).pathname;
  const peakReset = resetPeak(server.pid);
  const dbPid = server.kind === 'postgraphile' ? null : databasePid();
  const pgCpu0 = server.kind === 'postgraphile' ? postgresCpu() : null;
  const cpu0 = { server: cpuSeconds(server.pid), db: dbPid && cpuSeconds(dbPid), bench: process.cpuUsage(), machine: machineBusySeconds(), at: Date.now(), loadAvg: os.loadavg()[0] };
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    timeout: Math.max(30, DURATION),
    requests: [
      {
        method: sample.opts.method,
        path,
        headers: sample.opts.headers,
        setupRequest: (req) => {
          const next = requestFor(server, w, w.input(r), token);
          const u = new URL(next.url);
          return { ...req, path: u.pathname + u.search, body: next.opts.body };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors":')) {
            graphqlErrors += 1;
            firstError ??= body.slice(0, 300);
          }
        },
      },
    ],
  });
  const rss = rssMb(server.pid);
  const benchCpu = process.cpuUsage(cpu0.bench);
  const perRequest = (seconds) => (seconds === null || !result.requests.total ? null : Math.round((seconds * 1000 * 100) / result.requests.total) / 100);
  // CPU milliseconds per answered request: the server process, MariaDB (every client of it, so other
  // users of the database server count too), and this process (autocannon)
  const cpuMsPerRequest = {
    server: perRequest(cpu0.server === null ? null : cpuSeconds(server.pid) - cpu0.server),
    // PostgreSQL for PostGraphile: every postgres process of the machine
    database: perRequest(pgCpu0 ? postgresCpuSince(pgCpu0) : cpu0.db ? cpuSeconds(dbPid) - cpu0.db : null),
    loadGenerator: perRequest((benchCpu.user + benchCpu.system) / 1e6),
  };
  // what the rest of the machine did meanwhile (other users' processes): a noisy run shows here
  const elapsedS = (Date.now() - cpu0.at) / 1000;
  const ownS = (cpuSeconds(server.pid) - cpu0.server) + (pgCpu0 ? postgresCpuSince(pgCpu0) : cpu0.db ? cpuSeconds(dbPid) - cpu0.db : 0) + (benchCpu.user + benchCpu.system) / 1e6;
  const machine = {
    loadAvgBefore: Math.round(cpu0.loadAvg * 100) / 100,
    busyPct: Math.round(((machineBusySeconds() - cpu0.machine) / (elapsedS * os.cpus().length)) * 100),
    otherProcessesPct: Math.max(0, Math.round(((machineBusySeconds() - cpu0.machine - ownS) / (elapsedS * os.cpus().length)) * 100)),
  };
  const drained = await drain(server);
  return {
    connections,
    durationS: duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    // answers without an error, per second: what the throughput columns show
    okRequestsPerSecond: Math.round(((result.requests.total - result.non2xx - graphqlErrors) / duration) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: { total: result.errors + result.non2xx + graphqlErrors, socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
    firstError,
    cpuMsPerRequest,
    machine,
    peakRssMb: peakReset ? rss.peak : null,
    rssMb: rss.rss,
    drainSeconds: drained,
  };
}

// ---------------------------------------------------------------------------------------------

// issue 17: the PostgreSQL copy PostGraphile reads (made or reused); drops PostGraphile from this run
// with a message when PostgreSQL cannot be reached or no workload it mirrors is run.
async function preparePostgres(wl) {
  const drop = (why) => {
    IMPLS = IMPLS.filter((k) => k !== 'postgraphile');
    log(`PostGraphile skipped: ${why}`);
    return { skipped: why };
  };
  if (!wl.some((w) => pgl.supports(w.key))) return drop('it mirrors the profile and page workloads only');
  const unavailable = await postgresUnavailable(PG_SERVER);
  if (unavailable) return drop(`PostgreSQL at ${PG_SERVER.replace(/\/\/[^@/]*@/, '//')} is not reachable (${unavailable}); --pg-server or BENCH_PG_SERVER names another`);
  const copy = await copyToPostgres({ mysqlUrl: SERVER, database: DATABASE, pgServer: PG_SERVER, pgDatabase: DATABASE, persons: PERSONS, log });
  const { Client } = require('pg');
  const c = new Client({ connectionString: `${PG_SERVER}/${DATABASE}` });
  await c.connect();
  const { rows } = await c.query(`SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS "sharedBuffers"`);
  await c.end();
  log(`PostgreSQL ${rows[0].version} copy ${DATABASE}: ${copy.reused ? 'reused' : `copied in ${copy.seconds.toFixed(1)} s`}`);
  return { ...copy, server: rows[0] };
}

async function main() {
  const started = Date.now();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
  const command = `${process.env.BENCH_DIST ? `BENCH_DIST=${process.env.BENCH_DIST} ` : ''}npm run bench -- ${process.argv.slice(2).join(' ')}`;
  log(`${command} on ${machine.cpus} cores, ${machine.memoryGb} GB`);
  const database = await prepareDatabase();
  log(`database ${DATABASE}: ~${database.approxRows} rows, ${database.sizeMb} MB, InnoDB buffer pool ${database.server.innodbBufferPoolMb} MB`);

  require(join(ROOT, 'node_modules', 'reflect-metadata'));
  const { signDevToken, DEFAULT_ISSUER, DEFAULT_AUDIENCE } = service('src/policy/tokens.js');
  const secret = randomBytes(32).toString('hex');
  const token = await signDevToken({ role: 'ADMIN', district: '640000', ttl: '12h' }, { jwtSecret: secret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });

  const wl = workloads(PERSONS).filter((w) => WORKLOADS.includes(w.key));
  const results = { variant: process.env.BENCH_DIST ? `BENCH_DIST=${process.env.BENCH_DIST}` : null, beforeDist: BEFORE_DIST, machine, command, persons: PERSONS, database, durationS: DURATION, loadRounds: LOAD_ROUNDS, connections: CONNECTIONS, startedAt: new Date(started).toISOString(), workloads: {}, notes: [] };

  // the service once with its request log (server time and statements per request) for the
  // sequential runs, once silent for the load runs
  if (IMPLS.includes('postgraphile')) results.postgres = await preparePostgres(wl);
  const servers = {};
  if (IMPLS.includes('ours')) servers.ours = await startServer('ours', { logLevel: 'info', secret });
  if (BEFORE_DIST) servers.before = await startServer('before', { logLevel: 'info', secret });
  if (IMPLS.includes('naive')) servers.naive = await startServer('naive');
  if (IMPLS.includes('raw')) servers.raw = await startServer('raw');
  if (IMPLS.includes('postgraphile')) servers.postgraphile = await startServer('postgraphile');
  log(`servers up: ${Object.values(servers).map((s) => `${s.kind} :${s.port} pid ${s.pid}`).join(', ')}`);

  try {
    // same data from all three, before anything is timed
    results.sameData = {};
    for (const w of wl) {
      const answers = {};
      for (const s of Object.values(servers)) {
        if (s.kind === 'naive' && (w.key === 'indicators' || w.key === 'report') && PERSONS > 100_000) continue; // minutes at 1M
        if (s.kind === 'postgraphile') continue; // compared below, on a sample, after normalising its shape
        const { url, opts } = requestFor(s, w, w.input(prng(3)), token);
        const res = await request(url, opts);
        answers[s.kind] = res.status === 200 ? JSON.parse(res.text) : { httpStatus: res.status, text: res.text.slice(0, 300) };
      }
      results.sameData[w.key] = compareAnswers(w, answers);
      if (servers.postgraphile && servers.ours && pgl.supports(w.key)) {
        // issue 17: PostGraphile's answers field by field against ours on a sample of inputs; fails the run
        const n = Number(args['compare-samples'] ?? (w.key === 'profile' ? 25 : 4));
        const ask = (s) => async (input) => {
          const { url, opts } = requestFor(s, w, input, token);
          const res = await request(url, opts);
          return res.status === 200 ? JSON.parse(res.text) : { httpStatus: res.status, text: res.text.slice(0, 300) };
        };
        const cmp = await pgl.compareWithOurs(w, n, ask(servers.ours), ask(servers.postgraphile));
        results.sameData[w.key].postgraphile = cmp.differences.length ? `${cmp.differences.length} of ${cmp.compared} differ` : `same (${cmp.compared} compared)`;
        if (cmp.differences.length) throw new Error(`PostGraphile answers differ from ours (${w.key}):\n${cmp.differences.slice(0, 5).join('\n')}`);
      }
      log(`same data, ${w.key}: ${JSON.stringify(results.sameData[w.key])}`);
    }

    for (const w of wl) {
      results.workloads[w.key] = { title: w.title, impls: {} };
      const measured = [];
      for (const s of Object.values(servers)) {
        if (s.kind === 'naive' && (w.key === 'indicators' || w.key === 'report') && PERSONS > 100_000 && !args['naive-all']) {
          // one request re-runs the grouped SQL per district: minutes at this scale (--naive-all to run it)
          results.workloads[w.key].impls[s.kind] = { skipped: 'not run above 100k persons (one request runs the grouped SQL once per district; --naive-all runs it)' };
          continue;
        }
        if (s.kind === 'postgraphile' && !pgl.supports(w.key)) continue; // mirrors the profile and the page only
        measured.push(s);
      }
      log(`${w.key}: sequential, interleaved (${measured.map((s) => s.kind).join(', ')})`);
      const seq = await sequentialAll(measured, w, token);
      for (const [kind, r] of Object.entries(seq)) {
        results.workloads[w.key].impls[kind] = { sequential: r, load: [] };
        log(`  ${kind}: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms (n ${r.latencyMs.n}), statements ${r.statements ? `${r.statements.min}..${r.statements.max}` : '?'}, errors ${r.errors}`);
      }
    }

    if (LOAD) {
      // the service silent for the load runs (as deployed: LOG_LEVEL=silent)
      for (const kind of ['ours', 'before']) {
        if (!servers[kind]) continue;
        await stopServer(servers[kind]);
        servers[kind] = await startServer(kind, { logLevel: 'silent', secret });
      }
      for (const w of wl) {
        const kinds = [];
        for (const s of Object.values(servers)) {
          const entry = results.workloads[w.key].impls[s.kind];
          if (!entry || entry.skipped) continue;
          if (entry.sequential.latencyMs.p50 > SLOW_MS) {
            entry.loadSkipped = `sequential p50 ${Math.round(entry.sequential.latencyMs.p50)} ms > ${SLOW_MS} ms: under load it would only queue`;
            log(`${w.key} / ${s.kind}: load skipped (${entry.loadSkipped})`);
            continue;
          }
          // warm the fresh process up before its first load run
          if (isService(s.kind)) {
            for (let i = 0; i < WARMUP[w.key]; i++) {
              const { url, opts } = requestFor(s, w, w.input(prng(5 + i)), token);
              await request(url, opts);
            }
          }
          kinds.push(s.kind);
        }
        for (const c of CONNECTIONS) {
          // --load-rounds N: the implementations take turns, DURATION / N seconds each, N times
          const slices = Object.fromEntries(kinds.map((k) => [k, []]));
          for (let round = 0; round < LOAD_ROUNDS; round++) {
            for (const kind of kinds) {
              const s = servers[kind];
              const seconds = DURATION / LOAD_ROUNDS;
              log(`${w.key} / ${kind}: autocannon ${c} connections, ${seconds} s${LOAD_ROUNDS > 1 ? ` (round ${round + 1}/${LOAD_ROUNDS})` : ''}`);
              const l = await load(s, w, token, c, seconds);
              slices[kind].push(l);
              log(
                `  ${l.okRequestsPerSecond} ok req/s (${l.requestsPerSecond} answered), p50 ${l.latencyMs.p50} ms, p99 ${l.latencyMs.p99} ms, errors ${l.errors.total}, peak RSS ${l.peakRssMb} MB, ` +
                  `CPU ms/request: server ${l.cpuMsPerRequest.server}, database ${l.cpuMsPerRequest.database}, autocannon ${l.cpuMsPerRequest.loadGenerator}; others used ${l.machine.otherProcessesPct}% of the machine${l.drainSeconds === null ? ', did NOT drain' : ''}`,
              );
              if (l.drainSeconds === null) {
                results.notes.push(`${w.key}/${kind}: requests still in flight ${180} s after a ${c}-connection run; server restarted`);
                await stopServer(s);
                servers[kind] = await startServer(kind, { logLevel: 'silent', secret });
              }
            }
          }
          for (const kind of kinds) results.workloads[w.key].impls[kind].load.push(mergeSlices(slices[kind]));
        }
      }
    }
    for (const s of Object.values(servers)) results[`peakRssMb_${s.kind}`] = rssMb(s.pid).peak;
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }

  if (!args['no-audit']) {
    log('audit append in isolation (issue 4)');
    // with the service's key for this database: the chain stays one key and verifies whole
    results.audit = await measureAuditAppend(DATABASE_URL, PERSONS, { key: readFileSync(serviceEnv().AUDIT_KEY_FILE) });
  }
  results.finishedAt = new Date().toISOString();
  results.totalSeconds = Math.round((Date.now() - started) / 1000);

  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${LABEL}-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printTables(results);
  log(`results: ${file}`);
  if (!args['no-md']) log(`BENCHMARKS.md: ${writeMarkdown(dir, join(ROOT, 'BENCHMARKS.md'))}`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
