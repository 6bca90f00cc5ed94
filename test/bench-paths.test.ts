import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The benchmark scripts load the built service from dist/ by path (jest does not run them): every
// module they name must still exist in src/, or a move of files breaks `npm run bench` silently.
const ROOT = join(__dirname, '..');
const BENCH = join(__dirname, 'bench');
const scripts = [...readdirSync(BENCH), ...readdirSync(join(BENCH, 'lib')).map((f) => join('lib', f))].filter((f) => f.endsWith('.js'));

function modulesNamed(text: string): string[] {
  const named: string[] = [];
  // 'src/policy/tokens.js', dist('core/context'), service('src/x.js'), require(path + '/indicators/x')
  for (const [, p] of text.matchAll(/['"`](?:\.\.\/)*(?:dist\/)?src\/([\w./-]+?)(?:\.js)?['"`]/g)) named.push(p);
  for (const [, p] of text.matchAll(/\bdist\(['"]([\w./-]+)['"]\)/g)) named.push(p);
  for (const [, p] of text.matchAll(/path \+ ['"]\/([\w./-]+)['"]/g)) named.push(p);
  // join(DIST, 'src', 'core', 'context.js')
  for (const [, parts] of text.matchAll(/join\([^)]*?'src',\s*((?:'[\w.-]+',\s*)*'[\w.-]+\.js')\)/g)) {
    named.push(parts.split(',').map((s) => s.trim().replace(/'/g, '')).join('/').replace(/\.js$/, ''));
  }
  return named;
}

describe('benchmark scripts', () => {
  it('name only modules that exist', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const script of scripts) {
      for (const module of modulesNamed(readFileSync(join(BENCH, script), 'utf8'))) {
        checked++;
        const base = join(ROOT, 'src', module.replace(/\.js$/, ''));
        if (!existsSync(`${base}.ts`) && !existsSync(join(base, 'index.ts'))) missing.push(`${script}: ${module}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
