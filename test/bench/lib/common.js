'use strict';
// Helpers shared by the benchmark scripts (never part of `npm test`).
const { readFileSync } = require('node:fs');
const http = require('node:http');
const Module = require('node:module');
const net = require('node:net');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..', '..');
// BENCH_DIST: another build of the service (e.g. a copy of dist/ from before a change), for before/after runs
const DIST = process.env.BENCH_DIST || join(ROOT, 'dist');

// Requires a compiled module of the service (npm run build).
function service(path) {
  return require(join(DIST, path));
}

// A TypeScript file with no imports that need compiling (test/helpers/queries.ts), loaded as CommonJS.
function loadTs(path) {
  const ts = require(join(ROOT, 'node_modules', 'typescript'));
  const source = readFileSync(path, 'utf8');
  const m = new Module(path);
  m._compile(ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText, path);
  return m.exports;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

// Resident set of a process, MB: now and peak (VmHWM, since start or since resetPeak).
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (f) => Number(new RegExp(`${f}:\\s+(\\d+) kB`).exec(status)[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

// CPU seconds (user + system) a process has used so far; null when it cannot be read.
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

// CPU seconds the whole machine has been busy (every core; /proc/stat, all but idle and iowait).
function machineBusySeconds() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return (user + nice + system + irq + softirq + (steal || 0)) / 100;
}

// The MariaDB/MySQL server process on this machine, if there is one (its CPU is part of each request).
function databasePid() {
  const { readdirSync } = require('node:fs');
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
      if (comm === 'mariadbd' || comm === 'mysqld') return Number(d);
    } catch {
      // gone
    }
  }
  return null;
}

// CPU seconds of every PostgreSQL process (postmaster and backends) now, by pid: backends come and
// go, so a delta counts the processes alive at the end (the pool's connections stay open under load).
function postgresCpu() {
  const { readdirSync } = require('node:fs');
  const out = new Map();
  for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') out.set(d, cpuSeconds(Number(d)) ?? 0);
    } catch {
      // gone
    }
  }
  return out;
}
const postgresCpuSince = (before) => [...postgresCpu()].reduce((s, [pid, cpu]) => s + cpu - (before.get(pid) ?? 0), 0);

// Resets a process's VmHWM to its current RSS (Linux >= 4.0; needs the right to write its clear_refs).
function resetPeak(pid) {
  try {
    require('node:fs').writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

// Deterministic pseudo-random numbers (mulberry32), so every implementation and every run asks for
// the same persons in the same order.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : null;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    min: round(sorted[0] ?? null),
    max: round(sorted[sorted.length - 1] ?? null),
    mean: round(mean),
  };
}

// One keep-alive connection per target, as a client that reuses its connection would.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

// A request; resolves with status, headers, body text and client-side milliseconds.
function request(url, { method = 'GET', headers = {}, body } = {}, timeoutMs = 600_000) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

// --name value / --flag arguments.
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key] = true;
    else {
      out[key] = next;
      i++;
    }
  }
  return out;
}

module.exports = { ROOT, DIST, service, loadTs, sleep, freePort, rssMb, resetPeak, cpuSeconds, machineBusySeconds, databasePid, postgresCpu, postgresCpuSince, prng, summarize, request, parseArgs };
