import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { accessTableMarkdown } from '../src/common/auth/access-rules';

const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(ts|js|md)$/.test(name)) out.push(path);
  }
  return out;
}

describe('README and docs', () => {
  const readme = read('README.md');

  it('shows the access rule table exactly as the code has it (docs/ACCESS.md)', () => {
    const section = /<!-- access-table:start -->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(read('docs/ACCESS.md'))?.[1];
    expect(section).toBe(accessTableMarkdown());
  });

  it('gives the prerequisites and the two commands before the quick start', () => {
    const order = ['## Prerequisites', 'npm install && npm start', 'npm install && npm test', '## Quick start'].map((s) => readme.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('links only to documents that exist in the repository', () => {
    for (const doc of ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)]) {
      const base = doc.startsWith('docs/') ? 'docs' : '.';
      for (const [, target] of read(doc).matchAll(/\]\(([^)#\s]+\.(?:md|png))(?:#[^)]*)?\)/g)) {
        if (/^https?:/.test(target)) continue;
        expect([doc, target, existsSync(join(ROOT, base, target))]).toEqual([doc, target, true]);
      }
    }
  });

  it('every document a source comment cites is in the repository', () => {
    const cited = new Set<string>();
    for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'test'))]) {
      for (const [, doc] of readFileSync(file, 'utf8').matchAll(/\b((?:docs\/)?[A-Z][A-Z-]+\.md)\b/g)) cited.add(`${relative(ROOT, file)} -> ${doc}`);
    }
    const missing = [...cited].filter((c) => {
      const doc = c.split(' -> ')[1];
      return !existsSync(join(ROOT, doc)) && !existsSync(join(ROOT, 'docs', doc));
    });
    expect(missing).toEqual([]);
  });
});
