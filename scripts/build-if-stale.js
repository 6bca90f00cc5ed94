#!/usr/bin/env node
// Compiles dist/ only when a source is newer than the last build, so `npm run token`, `npm run import`
// and the other CLIs start at once when dist/ is current. dist/.tsbuildinfo is written by every build.
// The compiler's output goes to stderr, so `TOKEN=$(npm run -s token ...)` captures the token only.
'use strict';
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
// what tsconfig.build.json compiles, plus the settings that change the output
const INPUTS = ['src', 'migrations', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json'];
// tsc leaves .tsbuildinfo untouched when a touched file's content is unchanged, so we stamp each build too
const stampsOf = (base) => [join(base, 'dist', '.tsbuildinfo'), join(base, 'dist', '.build-stamp')];

// newest modification time below a path; directories count too, so a deleted file triggers a build
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isStale(base = root) {
  const built = Math.max(...stampsOf(base).map((stamp) => statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  if (!built) return true;
  return INPUTS.some((input) => newest(join(base, input)) > built);
}

if (require.main === module) {
  if (process.argv.includes('--always') || isStale()) {
    // the stamp's time is taken before compiling: a source saved during the build makes the next run build again
    const started = new Date();
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] });
      const stamp = stampsOf(root)[1];
      writeFileSync(stamp, '');
      utimesSync(stamp, started, started);
    } catch (err) {
      process.exit(typeof err.status === 'number' ? err.status : 1);
    }
  }
}

module.exports = { isStale };
