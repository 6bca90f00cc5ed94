#!/usr/bin/env node
// Load benchmark (never part of `npm test`): autocannon against the person profile (PERSON_PROFILE in
// test/helpers/queries.ts, every relation) for random person ids, on a seeded database, with the
// service running as in production (its own process, NODE_ENV=production, JSON logs at info).
// Reports errors, latency percentiles, throughput and the service's RSS at start and end.
//
//   npm run build
//   node test/bench/load-profile.js [--duration 60] [--connections 50] [--persons 100000] [--warmup 20]
//   DATABASE_URL defaults to mysql://root@127.0.0.1:3306/jindu_seed100k (npm run seed -- --persons 100000)
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const net = require('node:net');
const { join } = require('node:path');
const autocannon = require('autocannon');
const ts = require('typescript');

const ROOT = join(__dirname, '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const DURATION = Number(args.duration ?? 60);
const CONNECTIONS = Number(args.connections ?? 50);
const PERSONS = Number(args.persons ?? 100000);
const WARMUP = Number(args.warmup ?? 20);
const DATABASE_URL = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/jindu_seed100k';

// the same operation the tests use, from the TypeScript source
function loadTs(path) {
  const source = readFileSync(path, 'utf8');
  const m = new Module(path);
  m._compile(ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText, path);
  return m.exports;
}
const { PERSON_PROFILE } = loadTs(join(ROOT, 'test', 'helpers', 'queries.ts'));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (f) => Number(new RegExp(`${f}:\\s+(\\d+) kB`).exec(status)[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function main() {
  require(join(ROOT, 'node_modules', 'reflect-metadata'));
  const { signDevToken, DEFAULT_ISSUER, DEFAULT_AUDIENCE } = require(join(ROOT, 'dist', 'src', 'policy', 'tokens.js'));
  const secret = randomBytes(32).toString('hex');
  const token = await signDevToken({ role: 'ADMIN', district: '640000', ttl: '2h' }, { jwtSecret: secret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });

  const port = await freePort();
  const service = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', AUTH_JWT_SECRET: secret, PORT: String(port), DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL || 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => service.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600) throw new Error('service not ready');
    await sleep(100);
  }

  let graphqlErrors = 0;
  let missing = 0;
  let codes = {};
  const run = (duration) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-access-purpose': 'load benchmark' },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ operationName: 'PersonProfile', query: PERSON_PROFILE, variables: { id: String(1 + Math.floor(Math.random() * PERSONS)) } }),
          }),
          onResponse: (status, body) => {
            if (status !== 200) return;
            const parsed = JSON.parse(body);
            if (parsed.errors?.length) {
              graphqlErrors += 1;
              for (const e of parsed.errors) {
                const key = `${e.extensions?.code}: ${e.message}`.slice(0, 120);
                codes[key] = (codes[key] ?? 0) + 1;
              }
            }
            else if (!parsed.data?.person) missing += 1;
          },
        },
      ],
    });

  // V8 heap in use, from the service's own /metrics: a leak shows here, RSS also counts what V8 keeps
  const heapMb = async () => {
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    const line = text.split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes '));
    return Math.round(Number(line.split(' ')[1]) / 1e6);
  };
  const atStart = rssMb(service.pid);
  if (WARMUP > 0) await run(WARMUP);
  graphqlErrors = 0;
  missing = 0;
  codes = {};
  const afterWarmup = rssMb(service.pid);
  const heapAfterWarmup = await heapMb();
  const series = [];
  const heapSeries = [];
  const sampler = setInterval(() => {
    series.push(rssMb(service.pid).rss);
    heapMb().then((mb) => heapSeries.push(mb), () => undefined);
  }, 1000);
  const result = await run(DURATION);
  clearInterval(sampler);
  const atEnd = rssMb(service.pid);
  const heapAtEnd = await heapMb();
  service.kill('SIGTERM');
  const exit = await exited;

  const summary = {
    database: DATABASE_URL.replace(/\/\/[^@]*@/, '//'),
    persons: PERSONS,
    connections: CONNECTIONS,
    durationS: DURATION,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    throughputMBps: Math.round((result.throughput.average / 1e6) * 100) / 100,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    errors: { socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors, graphqlCodes: codes, personNotFound: missing },
    rssMb: {
      atStart: atStart.rss,
      afterWarmup: afterWarmup.rss,
      atEnd: atEnd.rss,
      peak: atEnd.peak,
      growthSinceWarmupPct: Math.round(((atEnd.rss - afterWarmup.rss) / afterWarmup.rss) * 1000) / 10,
      everyTenSeconds: series.filter((_, i) => i % 10 === 9),
    },
    heapUsedMb: { afterWarmup: heapAfterWarmup, atEnd: heapAtEnd, everyTenSeconds: heapSeries.filter((_, i) => i % 10 === 9) },
    shutdown: exit,
  };
  console.log(JSON.stringify(summary, null, 2));
  const failed = result.errors + result.timeouts + result.non2xx + graphqlErrors > 0;
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
