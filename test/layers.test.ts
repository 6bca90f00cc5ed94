import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Rules of the layering that hold today (docs/ARCHITECTURE.md lists the ones that do not yet).
const SRC = join(__dirname, '..', 'src');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map(([, p]) => relative(SRC, join(file, '..', p)));

describe('layers', () => {
  it('no runtime file imports migrations/: migrations are frozen history, reference data lives in src/reference', () => {
    const offending = sources(SRC).filter((f) => importsOf(f).some((p) => p.startsWith('../migrations')));
    expect(offending.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('the prevention department imports no other department', () => {
    const others = ['public-security', 'justice', 'employment'];
    const offending = sources(join(SRC, 'prevention')).flatMap((f) => importsOf(f).filter((p) => others.includes(p.split('/')[0])).map((p) => `${relative(SRC, f)} -> ${p}`));
    expect(offending).toEqual([]);
  });
});
