#!/usr/bin/env node
// Fairness and memory under heavy queries (issue 14, items 6 and 7; never part of `npm test`).
// Starts the service as `npm start` does on a fresh embedded database (the calibrated demo data is
// seeded first), then:
//   1. memory: 8 subjects each send one maximal-cost query at once (the largest persons page the cost
//      limit admits, every relation), three rounds; peak RSS of the process (VmHWM).
//   2. fairness: one subject floods with 16 such queries at a time for --seconds; another subject's
//      small person-level query every 250 ms; its latencies, the flooder's 200s and 429s, and the
//      service's event-loop delay during the flood (max, from monitorEventLoopDelay via /metrics).
//
//   npm run build && node test/bench/quota-load.js [--seconds 20]
'use strict';
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const Module = require('node:module');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((p, a, i, all) => (a.startsWith('--') ? [...p, [a.slice(2), all[i + 1]]] : p), []));
const SECONDS = Number(args.seconds ?? 20);

function loadTs(path) {
  const m = new Module(path);
  m._compile(ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText, path);
  return m.exports;
}
const { PERSONS_PAGE } = loadTs(join(ROOT, 'test', 'helpers', 'queries.ts'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const memory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (f) => Math.round(Number(new RegExp(`${f}:\\s+(\\d+) kB`).exec(status)[1]) / 1024);
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') };
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  require(join(ROOT, 'node_modules', 'reflect-metadata'));
  const { signDevToken, DEV_JWT_SECRET, DEFAULT_ISSUER, DEFAULT_AUDIENCE } = require(join(ROOT, 'dist', 'src', 'policy', 'tokens.js'));
  const token = (sub) => signDevToken({ role: 'ADMIN', district: '640000', sub, ttl: '2h' }, { jwtSecret: DEV_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
  const dir = mkdtempSync(join(tmpdir(), 'jindu-quota-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = async () => {
    const proc = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'index.js')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, LOG_LEVEL: 'warn', REQUEST_TIMEOUT_MS: '60000' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      if (i > 1200) throw new Error('service not ready');
      const ok = await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false);
      if (ok) return proc;
      await sleep(250);
    }
  };
  // the first start seeds the demo data; the second measures a service that only answers queries
  const seeding = await start();
  seeding.kill('SIGTERM');
  await new Promise((r) => seeding.on('exit', r));
  const child = await start();
  try {
    const post = async (sub, query, variables) => {
      const started = performance.now();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(sub)}`, 'x-access-purpose': 'bench' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      return { status: res.status, code: body.errors?.[0]?.extensions?.code, ms: performance.now() - started };
    };
    // the largest page the cost limit admits: refused operations cost nothing, so search by refusals
    let lo = 1;
    let hi = 500;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const r = await post('probe', PERSONS_PAGE, { first: mid });
      if (r.code === 'QUERY_TOO_COMPLEX') hi = mid - 1;
      else lo = mid;
    }
    const first = lo;
    const atStart = memory(child.pid);
    console.log(`maximal-cost query: PERSONS_PAGE with first: ${first} (every relation of each person); RSS at start ${atStart.rssMb} MB`);

    // 1. memory: 8 subjects at once, three rounds
    let worst = 0;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(`mem-${i}`, PERSONS_PAGE, { first })));
      worst = Math.max(worst, ...results.map((r) => r.ms));
      if (results.some((r) => r.status !== 200)) console.log('  statuses', results.map((r) => r.status).join(','));
    }
    console.log(`8 concurrent maximal-cost queries x 3 rounds: slowest ${Math.round(worst)} ms; RSS now ${memory(child.pid).rssMb} MB, peak ${memory(child.pid).peakRssMb} MB`);

    // 2. fairness
    const metrics = async () => (await fetch(`${url}/metrics`).then((r) => r.text()));
    await metrics(); // prom-client resets the event-loop delay histogram at each scrape
    const deadline = Date.now() + SECONDS * 1000;
    const flood = { ok: 0, limited: 0, other: 0 };
    const flooders = Array.from({ length: 16 }, async () => {
      while (Date.now() < deadline) {
        const r = await post('flooder', PERSONS_PAGE, { first });
        if (r.status === 200) flood.ok++;
        else if (r.status === 429) { flood.limited++; await sleep(50); }
        else flood.other++;
      }
    });
    const small = [];
    const smallErrors = [];
    const other = (async () => {
      while (Date.now() < deadline) {
        const r = await post('other-user', 'query($id: ID!) { person(id: $id) { id name } }', { id: String(1 + Math.floor(Math.random() * 1000)) });
        small.push(r.ms);
        if (r.status !== 200) smallErrors.push(r.status);
        await sleep(250);
      }
    })();
    await Promise.all([...flooders, other]);
    const text = await metrics();
    const lag = (name) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1]);
    small.sort((a, b) => a - b);
    console.log(`flood of ${SECONDS} s, 16 at a time from one subject: ${flood.ok} answered, ${flood.limited} refused 429, ${flood.other} other`);
    console.log(`other subject's small query: n=${small.length} p50 ${Math.round(pct(small, 50))} ms, p95 ${Math.round(pct(small, 95))} ms, max ${Math.round(small[small.length - 1])} ms, non-200: ${smallErrors.length}`);
    console.log(`event-loop delay during the flood: max ${Math.round(lag('nodejs_eventloop_lag_max_seconds') * 1000)} ms, p99 ${Math.round(lag('nodejs_eventloop_lag_p99_seconds') * 1000)} ms, mean ${Math.round(lag('nodejs_eventloop_lag_mean_seconds') * 1000)} ms`);
    console.log(`RSS at the end ${memory(child.pid).rssMb} MB, peak ${memory(child.pid).peakRssMb} MB`);
  } finally {
    child.kill('SIGTERM');
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
