#!/usr/bin/env node
// Issue 4: what auditing adds to a person profile. appendAuditEvent (src/audit/audit.service.ts) in
// isolation on a seeded database: latency of one append when appends come one at a time, its SQL
// statements, and how many appends per second the chain takes when many requests append at once
// (appends are serialised: the chain head is locked, and one process appends one at a time).
//
//   node test/bench/audit-append.js [--persons 100000] [--database jindu_bench_100k] [--batched]
//   --batched: a group-commit prototype instead of the service's append (see batchedAppender)
//   (npm run bench runs it after the workloads, on the same database)
'use strict';
const { join } = require('node:path');
const { service, summarize, parseArgs, prng } = require('./lib/common');

async function measureAuditAppend(databaseUrl, persons, { samples = 400, warmup = 30, concurrency = 50, concurrentSeconds = 5 } = {}) {
  require(join(__dirname, '..', '..', 'node_modules', 'reflect-metadata'));
  const { createDataSource } = service('ormconfig.js');
  const { parseDatabaseUrl } = service('src/config.js');
  const { probeTarget } = service('src/database.js');
  const { appendAuditEvent } = service('src/audit/audit.service.js');
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
    // many requests appending at once: throughput of the serialised chain
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
    return {
      sequentialMs: summarize(ms),
      statementsPerAppend: counter.statements,
      statementLog: counter.log.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)),
      concurrent: { concurrency, appendsPerSecond: Math.round(done / seconds), latencyMs: summarize(latencies) },
    };
  } finally {
    await ds.destroy();
  }
}

// A prototype of group commit for the audit chain (not the service's code): appends that arrive while
// a transaction is committing wait, and go together into the next transaction, one event each, chained
// in arrival order, with one fsync for the lot. Each caller still gets its event only after the commit,
// so "no response before its event is durable" holds; a failed commit fails every caller in it.
function batchedAppender(ds, maxBatch = 200) {
  const { AuditChainHead, AuditEvent, AuditEventPerson } = service('src/audit/audit-event.entity.js');
  const { eventHash, maskVariables, sha256 } = service('src/audit/audit.service.js');
  const waiting = [];
  let running = false;
  async function flush() {
    running = true;
    while (waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const events = await ds.transaction(async (em) => {
          const head = await em.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = 1').setLock('pessimistic_write').getOneOrFail();
          let seq = head.seq;
          let prevHash = head.hash;
          const out = [];
          for (const { input } of batch) {
            const ids = [...new Set(input.personIds)].sort((a, b) => a - b);
            const partial = {
              seq: ++seq,
              occurredAt: new Date().toISOString(),
              subjectSub: input.viewer.sub.slice(0, 100),
              subjectRole: input.viewer.role,
              subjectDistrict: input.viewer.district,
              operationName: input.operationName?.slice(0, 100) ?? null,
              documentHash: sha256(input.document),
              variables: JSON.stringify(maskVariables(input.variables ?? {})),
              purpose: input.viewer.purpose,
              outcome: input.outcome,
              personCount: ids.length,
              personIds: ids.join(','),
              prevHash,
            };
            const event = { ...partial, hash: eventHash(partial) };
            prevHash = event.hash;
            out.push([event, ids]);
          }
          await em.getRepository(AuditEvent).insert(out.map(([e]) => e));
          const persons = out.flatMap(([e, ids]) => ids.map((personId) => ({ seq: e.seq, personId })));
          for (let i = 0; i < persons.length; i += 1000) await em.getRepository(AuditEventPerson).insert(persons.slice(i, i + 1000));
          await em.getRepository(AuditChainHead).update({ id: 1 }, { seq, hash: prevHash });
          return out.map(([e]) => e);
        });
        batch.forEach((b, i) => b.resolve(events[i]));
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    running = false;
  }
  return (input) =>
    new Promise((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!running) void flush();
    });
}

// The prototype under the same 50 concurrent appenders, then the whole chain verified.
async function measureBatchedAppend(databaseUrl, persons, { concurrency = 50, seconds = 5 } = {}) {
  require(join(__dirname, '..', '..', 'node_modules', 'reflect-metadata'));
  const { createDataSource } = service('ormconfig.js');
  const { parseDatabaseUrl } = service('src/config.js');
  const { probeTarget } = service('src/database.js');
  const { verifyAuditChain } = service('src/audit/audit.service.js');
  const { Q } = require('./lib/workloads');
  const ds = createDataSource(await probeTarget(parseDatabaseUrl(databaseUrl)));
  await ds.initialize();
  const append = batchedAppender(ds);
  const r = prng(98);
  const viewer = { sub: 'bench', name: 'bench', role: 'ADMIN', district: '640000', purpose: 'benchmark' };
  const input = () => ({
    viewer,
    operationName: 'PersonProfile',
    document: Q.PERSON_PROFILE,
    variables: { id: String(1 + Math.floor(r() * persons)) },
    personIds: [1 + Math.floor(r() * persons), 1 + Math.floor(r() * persons), 1 + Math.floor(r() * persons)],
    outcome: 'ALLOWED',
  });
  try {
    const one = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      await append(input());
      one.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    let done = 0;
    const latencies = [];
    const until = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          await append(input());
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          done++;
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const verified = await verifyAuditChain(ds);
    return { sequentialMs: summarize(one), concurrent: { concurrency, appendsPerSecond: Math.round(done / elapsed), latencyMs: summarize(latencies) }, chainVerified: verified };
  } finally {
    await ds.destroy();
  }
}

module.exports = { measureAuditAppend, measureBatchedAppend };

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  const persons = Number(args.persons ?? 100000);
  const database = args.database ?? 'jindu_bench_100k';
  const url = `${process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306'}/${database}`;
  (args.batched ? measureBatchedAppend(url, persons) : measureAuditAppend(url, persons)).then(
    (res) => console.log(JSON.stringify(res, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
