import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The operations tests run the service as a real process from dist/: compile it once per jest run.
// Type errors are reported but do not stop the run (tsc still emits; typecheck is its own step).
export default function globalSetup(): void {
  const root = join(__dirname, '..', '..');
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    const e = err as { stdout?: Buffer; message: string };
    process.stderr.write(`\nglobal-setup: tsc -p tsconfig.build.json reported errors (dist emitted anyway):\n${e.stdout?.toString() || e.message}\n`);
  }
}
