// Times jointReport for the 22 counties, 2022 against 2021, every indicator, on DATABASE_URL
// (e.g. mysql://root@127.0.0.1:3306/jindu_seed100k, 100,000 persons). Not part of npm test.
//   npm run build && DATABASE_URL=mysql://... node test/bench/joint-report.bench.js [runs]
require('reflect-metadata');
const { join } = require('node:path');
const dist = (p) => require(join(__dirname, '..', '..', 'dist', 'src', p));
const { openDataSource } = dist('database');
const { parseDatabaseUrl } = dist('config');
const { createServer } = dist('server');
const { buildContext } = dist('core/context');
const { computeIndicators } = dist('indicators/indicators.service');

const QUERY = `query Bench($input: JointReportInput!) { jointReport(input: $input) {
  rows { district { code name } values { indicator value suppressed compareValue compareSuppressed change relativeChange rank } }
  total { district { code } values { indicator value compareValue change relativeChange } }
  metadata { generatedAt heroinEquivalentTable notes suppression { applied threshold suppressedCells } indicators { indicator nameZh } } } }`;
const INPUT = { period: { from: '2022-01-01', to: '2022-12-31' }, compareTo: { from: '2021-01-01', to: '2021-12-31' }, level: 'COUNTY' };

async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

(async () => {
  const runs = Number(process.argv[2] ?? 7);
  const ds = await openDataSource(parseDatabaseUrl(process.env.DATABASE_URL));
  const service = await createServer({ ds, ops: { nodeMetrics: false } });
  const summary = (ms) => {
    const s = [...ms].sort((a, b) => a - b);
    return `min ${Math.round(s[0])} ms, median ${Math.round(s[Math.floor(s.length / 2)])} ms (${s.map(Math.round).join(' ')})`;
  };
  const cases = [
    ['baseline: computeIndicators for both periods, no report', () => Promise.all([computeIndicators(ds, service.tree, INPUT.period), computeIndicators(ds, service.tree, INPUT.compareTo)])],
    ...['ADMIN', 'PROVINCIAL_OFFICE'].map((role) => [`jointReport as ${role}`, async () => {
      const viewer = { sub: 'bench', name: 'bench', role, district: '640000', purpose: null };
      const res = await service.apollo.executeOperation({ query: QUERY, variables: { input: INPUT } }, { contextValue: buildContext(ds, service.tree, viewer) });
      const r = res.body.singleResult;
      if (r.errors || r.data.jointReport.rows.length !== 22) throw new Error(JSON.stringify(r.errors ?? 'rows'));
    }]),
  ];
  await cases[1][1](); // warm up
  for (const [label, fn] of cases) {
    const ms = [];
    for (let i = 0; i < runs; i++) ms.push(await time(fn));
    console.log(`${label}: ${summary(ms)}`);
  }
  await service.stop();
  await ds.destroy();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
