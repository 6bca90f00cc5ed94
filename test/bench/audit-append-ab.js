#!/usr/bin/env node
// Two builds of the audit append side by side in one process, each on its own database (a build's
// schema must match its database: copy one with mysqldump and run each build's migrations on its copy),
// alternating in small blocks (50 appends one after another, then 1 s of 50 at once) so that the load
// of a busy machine falls on both alike. Prints, per build: latency of one append alone (p50, p95) and
// its statements, and at 50 at once (p50, p95, appends/s).
//
//   node test/bench/audit-append-ab.js --before-dist DIR --before-database DB1 --after-database DB2 [--rounds 10]
//   (the after build is dist/: npm run build; BENCH_MYSQL_SERVER as for the other scripts)
'use strict';
const { join, resolve } = require('node:path');
const { parseArgs } = require('./lib/common');

const ROOT = join(__dirname, '..', '..');
require(join(ROOT, 'node_modules', 'reflect-metadata'));
const args = parseArgs(process.argv.slice(2));
const server = process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306';
const load = (dist) => ({
  orm: require(join(dist, 'ormconfig.js')),
  config: require(join(dist, 'src/config.js')),
  db: require(join(dist, 'src/database.js')),
  audit: require(join(dist, 'src/audit/audit.service.js')),
  counter: require(join(dist, 'src/common/sql-counter.js')),
});
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100; };
(async () => {
  const sides = {
    before: { m: load(resolve(args['before-dist'])), db: args['before-database'] },
    after: { m: load(join(ROOT, 'dist')), db: args['after-database'] },
  };
  for (const s of Object.values(sides)) {
    s.ds = s.m.orm.createDataSource(await s.m.db.probeTarget(s.m.config.parseDatabaseUrl(`${server}/${s.db}`)));
    await s.ds.initialize();
    s.seq = []; s.conc = []; s.done = 0; s.secs = 0; s.stmts = 0; s.appends = 0;
  }
  let n = 0;
  const viewer = { sub: 'ab', name: 'ab', role: 'ADMIN', district: '640000', purpose: 'benchmark' };
  const input = () => { n++; const id = 1 + (n * 7919) % 10000; return { viewer, operationName: 'PersonProfile', document: '{ person { id } }', variables: { id: String(id) }, personIds: [id, 1 + (n * 31) % 10000, 1 + (n * 17) % 10000], outcome: 'ALLOWED' }; };
  for (const s of Object.values(sides)) for (let i = 0; i < 30; i++) await s.m.audit.appendAuditEvent(s.ds, input());
  const rounds = Number(args.rounds ?? 10);
  for (let r = 0; r < rounds; r++) {
    for (const s of Object.values(sides)) {
      for (let i = 0; i < 50; i++) {
        const c = new s.m.counter.StatementCount();
        const t = process.hrtime.bigint();
        await s.m.counter.trackStatements(c, () => s.m.audit.appendAuditEvent(s.ds, input()));
        s.seq.push(Number(process.hrtime.bigint() - t) / 1e6);
        s.stmts += c.statements; s.appends++;
      }
      const until = Date.now() + 1000;
      const started = Date.now();
      await Promise.all(Array.from({ length: 50 }, async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          await s.m.audit.appendAuditEvent(s.ds, input());
          s.conc.push(Number(process.hrtime.bigint() - t) / 1e6);
          s.done++;
        }
      }));
      s.secs += (Date.now() - started) / 1000;
    }
  }
  for (const [k, s] of Object.entries(sides)) {
    console.log(k, JSON.stringify({ sequential: { n: s.seq.length, p50: pct(s.seq, 50), p95: pct(s.seq, 95), statementsPerAppend: s.stmts / s.appends }, at50: { n: s.conc.length, p50: pct(s.conc, 50), p95: pct(s.conc, 95), appendsPerSecond: Math.round(s.done / s.secs) } }));
    await s.ds.destroy();
  }
})().catch((e) => { console.error(e); process.exit(1); });
