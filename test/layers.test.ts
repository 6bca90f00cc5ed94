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
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import\(?)\s*'(\.[^']+)'/g)].map(([, p]) => relative(SRC, join(file, '..', p)));
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

  it('no two top-level folders import each other', () => {
    expect(edges.filter(([from, to]) => graph.get(to)?.has(from)).map(([a, b]) => `${a} <-> ${b}`)).toEqual([]);
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

  it('no runtime file imports migrations/: migrations are frozen history, reference data lives in src/reference', () => {
    const offending = FILES.filter((f) => importsOf(f).some((p) => p.startsWith(`..${sep}migrations`)));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('no file outside src/policy names a user role', () => {
    const ROLE = /\bRole\.[A-Z]|'(PROVINCIAL_OFFICE|AUDITOR)'/;
    const offending = FILES.filter((f) => !relative(SRC, f).startsWith(`policy${sep}`) && ROLE.test(readFileSync(f, 'utf8')));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('no source file is over 400 lines', () => {
    const long = FILES.map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});
