#!/usr/bin/env node
// Summarises V8 CPU profiles (`node --cpu-prof`, e.g. BENCH_CPU_PROF=ours npm run bench -- ...): self
// time per function and per area (garbage collection, graphql-js, our code under dist/src, each
// package of node_modules, node internals), as a share of the sampled time that was not idle.
//
//   node test/bench/cpu-profile-summary.js bench-results/profiles/CPU.*.cpuprofile [--top 30]
'use strict';
const { readFileSync } = require('node:fs');
const { parseArgs } = require('./lib/common');

function area(url, name) {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)') return 'V8/native (program)';
  if (name === '(idle)') return 'idle';
  if (!url) return `native: ${name}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const src = /\/dist\/(src\/[^/]+)/.exec(url);
  if (src) return `ours: ${src[1]}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return url;
}

function summarise(files, top) {
  const byFunction = new Map();
  const byArea = new Map();
  let total = 0;
  let idle = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8'));
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const dt = p.timeDeltas;
    for (let i = 0; i < p.samples.length; i++) {
      const n = nodes.get(p.samples[i]);
      const us = dt[i] > 0 ? dt[i] : 0;
      const { functionName, url, lineNumber } = n.callFrame;
      const name = functionName || '(anonymous)';
      if (name === '(idle)') {
        idle += us;
        continue;
      }
      total += us;
      const a = area(url, name);
      const key = `${name} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
      byArea.set(a, (byArea.get(a) ?? 0) + us);
    }
  }
  const pct = (us) => `${((us / total) * 100).toFixed(1)}%`;
  const rows = (m) => [...m].sort((x, y) => y[1] - x[1]).slice(0, top).map(([k, us]) => `| ${k} | ${(us / 1000).toFixed(0)} | ${pct(us)} |`);
  return [
    `${files.length} profile(s): ${(total / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle`,
    '',
    '| area | self ms | share of busy |',
    '|---|--:|--:|',
    ...rows(byArea),
    '',
    '| function | self ms | share of busy |',
    '|---|--:|--:|',
    ...rows(byFunction),
  ].join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--top');
  if (!files.length) {
    process.stderr.write('usage: node test/bench/cpu-profile-summary.js FILE.cpuprofile... [--top 30]\n');
    process.exit(2);
  }
  process.stdout.write(`${summarise(files, Number(args.top ?? 30))}\n`);
}

module.exports = { summarise };
