import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm run token`, `npm run import`, `npm start`, ... compile only when a source is newer than dist/.
const { isStale } = require('../scripts/build-if-stale.js') as { isStale: (root?: string) => boolean };

describe('scripts/build-if-stale.js', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jindu-stale-'));
    for (const dir of ['src/cli', 'migrations', 'dist']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['src/cli/token.ts', 'src/config.ts', 'migrations/1-init.ts', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json']) {
      writeFileSync(join(root, file), '');
      at(file, 1_000);
    }
    for (const dir of ['src/cli', 'src', 'migrations']) at(dir, 1_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when dist/ was never built', () => {
    expect(isStale(root)).toBe(true);
  });

  it('skips when dist/ is newer than every source and setting', () => {
    writeFileSync(join(root, 'dist', '.build-stamp'), '');
    at('dist/.build-stamp', 2_000);
    expect(isStale(root)).toBe(false);
  });

  it.each(['src/cli/token.ts', 'migrations/1-init.ts', 'tsconfig.json', 'tsconfig.build.json', 'ormconfig.ts'])('builds when %s changed after the build', (file) => {
    writeFileSync(join(root, 'dist', '.tsbuildinfo'), '');
    at('dist/.tsbuildinfo', 2_000);
    at(file, 3_000);
    expect(isStale(root)).toBe(true);
  });

  it('builds when a source file was deleted after the build', () => {
    writeFileSync(join(root, 'dist', '.build-stamp'), '');
    at('dist/.build-stamp', 2_000);
    unlinkSync(join(root, 'src', 'config.ts')); // the directory's time changes
    expect(isStale(root)).toBe(true);
  });
});
