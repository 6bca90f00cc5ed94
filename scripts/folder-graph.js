#!/usr/bin/env node
// npm run graph: the import graph of src/'s top-level folders, from dependency-cruiser (relative
// imports of the TypeScript sources, node_modules left out), one "from -> to" line per edge.
// test/layers.test.ts holds the rules this graph must keep.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
const out = execFileSync(
  bin,
  ['src', '--no-config', '--ts-config', 'tsconfig.json', '--do-not-follow', 'node_modules', '--exclude', '^node_modules', '--collapse', '^src/[^/]+/', '--output-type', 'text'],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const folder = (p) => (/^src\/[^/]+\/$/.test(p) ? p.slice(4, -1) : p.startsWith('src/') && !p.slice(4).includes('/') ? '(root)' : null);
const edges = new Set();
for (const line of out.split('\n')) {
  const [from, to] = line.split(' → ').map((s) => s && s.trim());
  if (!from || !to) continue;
  const a = folder(from);
  const b = folder(to);
  if (a && b && a !== b) edges.add(`${a} -> ${b}`);
}
const sorted = [...edges].sort();
for (const e of sorted) {
  const [a, b] = e.split(' -> ');
  console.log(edges.has(`${b} -> ${a}`) ? `${e}   (mutual)` : e);
}
