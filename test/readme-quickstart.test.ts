import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The README's quick start, run as a newcomer would: `npm start` (embedded SQLite, demo data), then the
// shell blocks between the quickstart markers, verbatim and in order, in one shell. The first curl
// must return data without errors; the last one finds the explorer.
const ROOT = join(__dirname, '..');
const PORT = 4000; // the port the README names

function quickstartBlocks(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /<!-- quickstart:start -->([\s\S]*?)<!-- quickstart:end -->/.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map(([, body]) => body);
}

async function waitReady(child: ChildProcess, log: () => string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${log().slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm start not ready within ${ms} ms:\n${log().slice(-2000)}`);
}

describe('the README quick start', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  let output = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jindu-quickstart-'));
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(DATABASE_|PORT|NODE_ENV|AUTH_|TEST_MYSQL_URL|CORS_|EXPLORER_)/.test(k)) env[k] = v;
    child = spawn('npm', ['start'], { cwd: ROOT, env: { ...env, DATABASE_URL: `sqlite:${join(dir, 'dev.sqlite')}`, LOG_LEVEL: 'warn' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitReady(child, () => output, 240_000);
  }, 250_000);
  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => child!.once('close', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs verbatim: a token into $TOKEN, a first query with data and no errors, the explorer', () => {
    const blocks = quickstartBlocks();
    expect(blocks.length).toBe(3);
    expect(blocks[0]).toMatch(/export TOKEN=/);
    const out = execFileSync('bash', ['-euo', 'pipefail', '-c', blocks.join('\n')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const json = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
    expect(json.errors).toBeUndefined();
    expect(json.data.districts).toHaveLength(5);
    expect(json.data.districts[0].indicators.casesSolved).toBeGreaterThan(0);
    expect(json.data.persons.totalCount).toBeGreaterThan(0);
    expect(json.data.persons.nodes).toHaveLength(2);
    expect(out).toMatch(/<title>jindu-graph explorer<\/title>/);
  });
});
