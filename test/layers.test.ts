import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// The layering of src/ (docs/ARCHITECTURE.md), checked on the files themselves:
//   common, reference  <-  policy  <-  core, ops  <-  departments  <-  features  <-  root files  <-  cli, federation
const SRC = join(__dirname, '..', 'src');
const DEPARTMENTS = ['public-security', 'justice', 'employment', 'prevention'];
const RANK: Record<string, number> = {
  common: 0, reference: 0,
  policy: 1,
  core: 2, ops: 2,
  ...Object.fromEntries(DEPARTMENTS.map((d) => [d, 3])),
  persons: 4, indicators: 4, districts: 4, reports: 4, ingest: 4, audit: 4, explorer: 4, seed: 4,
  '(root)': 5,
  cli: 6, federation: 6,
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const FILES = sources(SRC);
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport\(?|\brequire\()\s*['"`](\.[^'"`]+)['"`]/g)].map(([, p]) => relative(SRC, join(file, '..', p)));
const folderOf = (path: string) => (path.includes(sep) ? path.split(sep)[0] : '(root)');

// folder -> folders it imports (relative imports only)
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of FILES) {
    const from = folderOf(relative(SRC, file));
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === from || to === '..') continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

describe('layers', () => {
  const graph = folderGraph();
  const edges = [...graph].flatMap(([from, tos]) => [...tos].map((to) => [from, to] as const));

  it('every top-level folder of src/ has a rank', () => {
    const folders = new Set(FILES.map((f) => folderOf(relative(SRC, f))));
    expect([...folders].filter((f) => RANK[f] === undefined)).toEqual([]);
  });

  it('no two top-level folders import each other, directly or through others (no cycle of folders)', () => {
    expect(edges.filter(([from, to]) => graph.get(to)?.has(from)).map(([a, b]) => `${a} <-> ${b}`)).toEqual([]);
    // depth-first search for a cycle of any length
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const next of graph.get(folder) ?? []) visit(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of graph.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });

  it('imports point down the layers (same-rank features may use each other one way)', () => {
    expect(edges.filter(([from, to]) => (RANK[to] ?? 99) > (RANK[from] ?? -1)).map(([a, b]) => `${a} -> ${b}`)).toEqual([]);
  });

  it('no department imports another department; common, policy and core import no department or feature', () => {
    const bad = edges.filter(
      ([from, to]) => (DEPARTMENTS.includes(from) && DEPARTMENTS.includes(to)) || (RANK[from] <= 2 && RANK[to] >= 3),
    );
    expect(bad.map(([a, b]) => `${a} -> ${b}`)).toEqual([]);
  });

  it('the cross-department features read the departments through the registry: none imports a department', () => {
    // seed/ is the exception: it generates each department's demo records with that department's entities
    const CONSUMERS = ['persons', 'indicators', 'districts', 'reports', 'ingest', 'audit', 'explorer'];
    const bad = edges.filter(([from, to]) => CONSUMERS.includes(from) && DEPARTMENTS.includes(to));
    expect(bad.map(([a, b]) => `${a} -> ${b}`)).toEqual([]);
  });

  it('no runtime file imports migrations/: migrations are frozen history, reference data lives in src/reference', () => {
    const offending = FILES.filter((f) => importsOf(f).some((p) => p.startsWith(`..${sep}migrations`)));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('no file outside src/policy names a user role', () => {
    // Role.X, or a role's name as a string (PUBLIC_SECURITY, JUSTICE and EMPLOYMENT are department
    // names too, so only the names no department carries are looked for as strings)
    const ROLE = /\bRole\.[A-Z]|['"`](ADMIN|PROVINCIAL_OFFICE|AUDITOR)['"`]/;
    const offending = FILES.filter((f) => !relative(SRC, f).startsWith(`policy${sep}`) && ROLE.test(readFileSync(f, 'utf8')));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('no source file is over 400 lines', () => {
    const long = FILES.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
