#!/usr/bin/env node
// CPU per operation of the service's GraphQL execution, in one process, without HTTP: the schema with
// its access rules, a fresh context (loaders) per operation, against a bench database. Used to compare
// V8 settings (docs/CONFIGURATION.md, "Node settings"):
//   npm run build && node --max-semi-space-size=16 test/bench/in-process.js page
//   npm run build && node --max-semi-space-size=64 test/bench/in-process.js page
// and graphql-js's execution against the compiled one (graphql-jit, src/common/compiled-execution.ts):
//   node test/bench/in-process.js page jindu_bench_100k && node test/bench/in-process.js page jindu_bench_100k jit
// Arguments: page|profile [database] (default jindu_bench_100k) [js|jit] (default js) [rounds] (default 3);
// compare the later rounds.
'use strict';
const { join } = require('node:path');
const { ROOT, DIST, loadTs } = require('./lib/common');
require(join(ROOT, 'node_modules', 'reflect-metadata'));
const { parse, execute } = require(join(ROOT, 'node_modules', 'graphql'));

const which = process.argv[2] || 'page';
const database = process.argv[3] || 'jindu_bench_100k';
const executor = process.argv[4] || 'js';
if (!['js', 'jit'].includes(executor)) throw new Error(`executor ${executor}: js or jit`);
const rounds = Number(process.argv[5] || 3);
const Q = loadTs(join(ROOT, 'test', 'helpers', 'queries.ts'));
const COUNTIES = ['640104', '640105', '640106', '640121', '640122', '640181'];

(async () => {
  const { createSchema } = require(join(DIST, 'src', 'schema.js'));
  const { createDataSource } = require(join(DIST, 'ormconfig.js'));
  const { parseDatabaseUrl } = require(join(DIST, 'src', 'config.js'));
  const { probeTarget } = require(join(DIST, 'src', 'database.js'));
  const { buildContext } = require(join(DIST, 'src', 'core', 'context.js'));
  const { DistrictTree } = require(join(DIST, 'src', 'core', 'district-tree.js'));
  const server = process.env.BENCH_MYSQL_SERVER || 'mysql://root@127.0.0.1:3306';
  const ds = createDataSource(await probeTarget(parseDatabaseUrl(`${server}/${database}`)));
  await ds.initialize();
  try {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM person');
    const schema = await createSchema();
    const tree = await DistrictTree.load(ds);
    const viewer = { sub: 'bench', name: 'bench', role: 'ADMIN', district: '640000', purpose: 'benchmark' };
    const document = parse(which === 'page' ? Q.PERSONS_PAGE : Q.PERSON_PROFILE);
    const variables = (i) =>
      which === 'page' ? { first: 100, filter: { districtCode: COUNTIES[i % COUNTIES.length] } } : { id: String(1 + ((i * 7919) % Number(n))) };
    const operations = which === 'page' ? 30 : 400;
    // the server's compiled executor: compiled once, then taken from its cache by the query hash
    const { createCompiledExecutor } = require(join(DIST, 'src', 'common', 'compiled-execution.js'));
    const executed = { compiled: 0, 'graphql-js': 0 };
    const compiled = createCompiledExecutor(schema, { onExecute: (how) => (executed[how] += 1) });
    const operation = document.definitions[0];
    const run = (contextValue, variables) =>
      executor === 'jit'
        ? compiled({ document, operation, operationName: undefined, variables, contextValue, queryHash: which })
        : execute({ schema, document, contextValue, variableValues: variables });
    for (let round = 1; round <= rounds; round++) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      let bytes = 0;
      for (let i = 0; i < operations; i++) {
        const result = await run(buildContext(ds, tree, viewer), variables(i));
        if (result.errors) throw new Error(result.errors[0].message);
        bytes += JSON.stringify(result).length;
      }
      const used = process.cpuUsage(cpu);
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / operations;
      process.stdout.write(
        `${which} ${executor === 'jit' ? `jit (${executed.compiled} compiled, ${executed['graphql-js']} graphql-js)` : 'graphql-js'} round ${round}: ${ms.toFixed(2)} ms/op wall, ${((used.user + used.system) / 1000 / operations).toFixed(2)} ms/op CPU, ${Math.round(bytes / operations)} bytes/answer\n`,
      );
    }
  } finally {
    await ds.destroy();
  }
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
