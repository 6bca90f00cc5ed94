// Times the indicator computation for 2022 from the ledger (summary) and from the reference SQL.
// usage: npm run build && node test/bench/indicator-timing.js mysql://... [runs] [summary|reference]
require('reflect-metadata');
const path = require('node:path').join(__dirname, '../../dist/src');
const { openDataSource } = require(path + '/database');
const { parseDatabaseUrl } = require(path + '/config');
const { DistrictTree } = require(path + '/core/district-tree');
const svc = require(path + '/indicators/indicators.service');
const { mergeSums } = require(path + '/core/indicator-sums');
(async () => {
  const ds = await openDataSource(parseDatabaseUrl(process.argv[2]));
  const tree = await DistrictTree.load(ds);
  const codes = tree.all().map((d) => d.code);
  const runs = Number(process.argv[3] || 5);
  const period = { from: '2022-01-01', to: '2022-12-31' };
  const p50 = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [name, fn] of [['summary', svc.summaryParts], ['reference', svc.referenceParts]]) {
    if (process.argv[4] && process.argv[4] !== name) continue;
    const times = [];
    let last;
    for (let i = 0; i < runs; i++) { const t = Date.now(); last = svc.rollUp(tree, mergeSums(await fn(ds, period, 'SPC-2016', codes))); times.push(Date.now() - t); }
    console.log(name, 'p50', p50(times), 'ms', JSON.stringify(times));
    const p = last.get('640000');
    console.log(' 640000', JSON.stringify(p));
  }
  await ds.destroy();
})();
