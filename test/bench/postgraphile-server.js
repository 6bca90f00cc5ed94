#!/usr/bin/env node
// The PostGraphile comparison of the benchmark (issue 17): PostGraphile 5 (amber preset, Grafast,
// grafserv on node:http) over a PostgreSQL copy of the seeded tables (test/bench/lib/pg-copy.js). No
// auth, no access rules, no audit; GraphiQL, explain and watch mode off, errors masked: production-like.
// A devDependency of the benchmark only, never part of the service.
//
//   PG_URL=postgres://postgres@127.0.0.1:5432/jindu_bench_10k PORT=4803 node test/bench/postgraphile-server.js
//
// Every answer carries x-sql-statements: the statements this process sent to PostgreSQL while the
// request was being answered (pg Client.query calls, counted in-process; exact when requests run one
// at a time, as in the sequential measurement). GET /inflight answers { inFlight } like the other baselines.
'use strict';
// PostGraphile 5 declares Node >= 22 and uses Promise.withResolvers (Node 22); the service runs on
// Node 20, so this process adds it (the same definition as the standard's).
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const http = require('node:http');
const pg = require('pg');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const PG_URL = process.env.PG_URL;
const PORT = Number(process.env.PORT || 4803);
const POOL_SIZE = Number(process.env.DB_POOL_SIZE || 10); // the same pool size as ours and the baselines

let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

const pool = new pg.Pool({ connectionString: PG_URL, max: POOL_SIZE });
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false, graphqlOverGET: false, maxRequestLength: 100_000 },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema(); // built before the first request, as in a deployment
  const handle = serv.createHandler();
  let inFlight = 0;
  const server = http.createServer((req, res) => {
    if (req.url === '/inflight') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ inFlight }));
      return;
    }
    inFlight += 1;
    const before = statements;
    const writeHead = res.writeHead;
    res.writeHead = function withCount(...args) {
      if (!res.headersSent) res.setHeader('x-sql-statements', String(statements - before));
      return writeHead.apply(this, args);
    };
    res.on('close', () => {
      inFlight -= 1;
    });
    handle(req, res, (err) => {
      res.writeHead(err ? 500 : 404).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(PORT, '127.0.0.1');
  const stop = () => server.close(() => Promise.resolve(pgl.release()).then(() => pool.end()).finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
