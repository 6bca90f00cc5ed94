#!/usr/bin/env node
// Issue 4 and 17: what auditing adds to a person profile. appendAuditEvent (src/audit/audit.service.ts)
// in isolation on a seeded database: latency of one append when appends come one at a time, its SQL
// statements, and how many appends per second the chain takes when many requests append at once
// (appends waiting at once are group-committed: one commit for all of them). Run `--help` for options.
//
// It appends to the database's audit chain (never resets data) with one key, and verifies the chain
// with that same key afterwards. A chain that already holds events of another key (written by the
// service with its own key, or by an earlier run with another --key-file) cannot be verified whole
// with one key (UNKNOWN_KEY by design: docs/AUDIT.md); the events this run appended are then verified
// as a segment: contiguous, linked to the event before them, hashed with the key, person links whole.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { service, summarize, parseArgs, prng } = require('./lib/common');

const HELP = `node test/bench/audit-append.js [options]   (needs npm run build; BENCH_DIST: another build)
  --database NAME     MySQL/MariaDB database (default jindu_bench_100k; server: BENCH_MYSQL_SERVER,
                      default mysql://root@127.0.0.1:3306); appended to, never reset
  --persons N         person ids drawn from 1..N (default 100000)
  --key-file PATH     the audit key to append and verify with (default: the development key)
  --samples N         appends one after another, timed (default 400; after 30 untimed)
  --concurrency N     appends kept in flight at once in the throughput phase (default 50)
  --seconds N         length of the throughput phase (default 5)`;

async function measureAuditAppend(databaseUrl, persons, { samples = 400, warmup = 30, concurrency = 50, concurrentSeconds = 5, key = null } = {}) {
  require(join(__dirname, '..', '..', 'node_modules', 'reflect-metadata'));
  const { createDataSource } = service('ormconfig.js');
  const { parseDatabaseUrl } = service('src/config.js');
  const { probeTarget } = service('src/database.js');
  const { appendAuditEvent, verifyAuditChain, eventHash } = service('src/audit/audit.service.js');
  const { configureAuditKey, auditKeyId, DEV_AUDIT_KEY } = service('src/audit/audit-key.js');
  const { StatementCount, trackStatements } = service('src/common/sql-counter.js');
  const { Q } = require('./lib/workloads');

  configureAuditKey(key ?? DEV_AUDIT_KEY);
  const ds = createDataSource(await probeTarget(parseDatabaseUrl(databaseUrl)));
  await ds.initialize();
  const r = prng(99);
  const viewer = { sub: 'bench', name: 'bench', role: 'ADMIN', district: '640000', purpose: 'benchmark' };
  const input = () => {
    const id = 1 + Math.floor(r() * persons);
    // a profile returns the person and, through the cases, a few co-suspects
    return {
      viewer,
      operationName: 'PersonProfile',
      document: Q.PERSON_PROFILE,
      variables: { id: String(id) },
      personIds: [id, 1 + Math.floor(r() * persons), 1 + Math.floor(r() * persons)],
      outcome: 'ALLOWED',
    };
  };
  try {
    const first = await appendAuditEvent(ds, input());
    for (let i = 1; i < warmup; i++) await appendAuditEvent(ds, input());
    const ms = [];
    const counters = [];
    for (let i = 0; i < samples; i++) {
      const counter = new StatementCount(i === 0);
      const t = process.hrtime.bigint();
      await trackStatements(counter, () => appendAuditEvent(ds, input()));
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      counters.push(counter);
    }
    // many requests appending at once: throughput of the group-committed chain, then the chain verified
    let done = 0;
    const until = Date.now() + concurrentSeconds * 1000;
    const latencies = [];
    const concurrentCounter = new StatementCount();
    const worker = async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        await appendAuditEvent(ds, input());
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        done++;
      }
    };
    const started = Date.now();
    await trackStatements(concurrentCounter, () => Promise.all(Array.from({ length: concurrency }, worker)));
    const seconds = (Date.now() - started) / 1000;
    const perAppend = counters.map((c) => c.statements);
    const whole = await verifyAuditChain(ds);
    const otherKeyBefore = !whole.ok && whole.firstBroken.kind === 'UNKNOWN_KEY' && whole.firstBroken.seq < first.seq;
    return {
      keyId: auditKeyId(),
      sequentialMs: summarize(ms),
      statementsPerAppend: counters[0].statements,
      statementsPerAppendRange: [Math.min(...perAppend), Math.max(...perAppend)],
      statementLog: counters[0].log.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)),
      concurrent: {
        concurrency,
        appends: done,
        appendsPerSecond: Math.round(done / seconds),
        statementsPerAppend: Math.round((concurrentCounter.statements / done) * 100) / 100,
        latencyMs: summarize(latencies),
      },
      chainVerified: otherKeyBefore ? { wholeChain: whole, appendedByThisRun: await verifySegment(ds, first.seq, eventHash) } : whole,
    };
  } finally {
    await ds.destroy();
  }
}

// The events from `from` on: contiguous, linked to the event before them, hashed with the configured
// key, and their person links as the events list them.
async function verifySegment(ds, from, eventHash) {
  const [prev] = await ds.query('SELECT hash FROM audit_event WHERE seq = ?', [from - 1]);
  let prevHash = prev ? prev.hash : '0'.repeat(64);
  const rows = await ds.getRepository('AuditEvent').createQueryBuilder('e').where('e.seq >= :from', { from }).orderBy('e.seq', 'ASC').getMany();
  const links = new Map();
  for (const l of await ds.query('SELECT seq, person_id FROM audit_event_person WHERE seq >= ? ORDER BY seq, person_id', [from])) {
    const seq = Number(l.seq);
    links.set(seq, links.has(seq) ? `${links.get(seq)},${l.person_id}` : String(l.person_id));
  }
  let expected = from;
  for (const e of rows) {
    const { hash, ...rest } = e;
    const problem =
      e.seq !== expected ? 'EVENT_MISSING' : e.prevHash !== prevHash ? 'LINK_BROKEN' : eventHash(rest) !== hash ? 'EVENT_ALTERED' : (links.get(e.seq) ?? '') !== e.personIds ? 'PERSON_LINKS_ALTERED' : null;
    if (problem) return { ok: false, from, checked: expected - from, firstBroken: { seq: e.seq, kind: problem } };
    prevHash = hash;
    expected++;
  }
  return { ok: true, from, checked: rows.length };
}

module.exports = { measureAuditAppend };

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    process.exit(0);
  }
  const persons = Number(args.persons ?? 100000);
  const database = args.database ?? 'jindu_bench_100k';
  const url = `${process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306'}/${database}`;
  const options = {
    samples: Number(args.samples ?? 400),
    concurrency: Number(args.concurrency ?? 50),
    concurrentSeconds: Number(args.seconds ?? 5),
    key: typeof args['key-file'] === 'string' ? readFileSync(args['key-file']) : null,
  };
  measureAuditAppend(url, persons, options).then(
    (res) => console.log(JSON.stringify(res, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
