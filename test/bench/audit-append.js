#!/usr/bin/env node
// Issue 4: what auditing adds to a person profile. appendAuditEvent (src/audit/audit.service.ts) in
// isolation on a seeded database: latency of one append when appends come one at a time, its SQL
// statements, and how many appends per second the chain takes when many requests append at once
// (appends waiting at once are group-committed: one transaction on the locked chain head each).
//
//   node test/bench/audit-append.js [--persons 100000] [--database jindu_bench_100k]
//   (npm run bench runs it after the workloads, on the same database)
'use strict';
const { join } = require('node:path');
const { service, summarize, parseArgs, prng } = require('./lib/common');

async function measureAuditAppend(databaseUrl, persons, { samples = 400, warmup = 30, concurrency = 50, concurrentSeconds = 5 } = {}) {
  require(join(__dirname, '..', '..', 'node_modules', 'reflect-metadata'));
  const { createDataSource } = service('ormconfig.js');
  const { parseDatabaseUrl } = service('src/config.js');
  const { probeTarget } = service('src/database.js');
  const { appendAuditEvent, verifyAuditChain } = service('src/audit/audit.service.js');
  const { StatementCount, trackStatements } = service('src/common/sql-counter.js');
  const { Q } = require('./lib/workloads');

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
    for (let i = 0; i < warmup; i++) await appendAuditEvent(ds, input());
    const ms = [];
    const counter = new StatementCount(true);
    for (let i = 0; i < samples; i++) {
      const t = process.hrtime.bigint();
      if (i === 0) await trackStatements(counter, () => appendAuditEvent(ds, input()));
      else await appendAuditEvent(ds, input());
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // many requests appending at once: throughput of the group-committed chain, then the whole chain verified
    let done = 0;
    const until = Date.now() + concurrentSeconds * 1000;
    const latencies = [];
    const worker = async () => {
      while (Date.now() < until) {
        const t = process.hrtime.bigint();
        await appendAuditEvent(ds, input());
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        done++;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (Date.now() - started) / 1000;
    const chainVerified = await verifyAuditChain(ds);
    return {
      sequentialMs: summarize(ms),
      statementsPerAppend: counter.statements,
      statementLog: counter.log.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)),
      concurrent: { concurrency, appendsPerSecond: Math.round(done / seconds), latencyMs: summarize(latencies) },
      chainVerified,
    };
  } finally {
    await ds.destroy();
  }
}

module.exports = { measureAuditAppend };

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  const persons = Number(args.persons ?? 100000);
  const database = args.database ?? 'jindu_bench_100k';
  const url = `${process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306'}/${database}`;
  measureAuditAppend(url, persons).then(
    (res) => console.log(JSON.stringify(res, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
