import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessTableMarkdown } from '../src/policy/access-rules';
import '../src/departments';
import { columnTableMarkdown } from '../src/reports/report-columns';
import { ServiceProcess, freePort } from './helpers/process';

// The README is a newcomer's first hour: its quick start runs as written against the real service
// (started as `npm start` starts it: an empty embedded SQLite that gets the demo data).
const ROOT = join(__dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

// the ```bash blocks of one `## ` section, in order
export function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const end = markdown.indexOf('\n## ', start + 4);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/\n```(?:bash|sh)\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}

// the shell's environment: the user's, without the service's settings (the blocks must work with defaults)
function shellEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DATABASE_|PORT$|NODE_ENV$|AUTH_|TOKEN$|npm_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, PORT: String(port) };
}

function runBash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env, timeout: 120_000, maxBuffer: 10 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) || 1 : 0, stdout, stderr });
    });
  });
}

describe('README', () => {
  it('gives the prerequisites and the two commands', () => {
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toMatch(/20\.19/);
    expect(readme).toMatch(/## Prerequisites[\s\S]*Node\.js\*\* 20\.19[\s\S]*22\.13/);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });

  it('keeps docs/ACCESS.md\'s access rule table exactly as the code has it', () => {
    const access = readFileSync(join(ROOT, 'docs', 'ACCESS.md'), 'utf8');
    const section = /<!-- access-table:start -->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(access)?.[1];
    expect(section).toBe(accessTableMarkdown());
  });

  it('keeps docs/DOMAIN.md\'s table of the joint report columns exactly as the catalogue has it', () => {
    const domain = readFileSync(join(ROOT, 'docs', 'DOMAIN.md'), 'utf8');
    const section = /<!-- indicator-table:start -->\n([\s\S]*?)\n<!-- indicator-table:end -->/.exec(domain)?.[1];
    expect(section).toBe(columnTableMarkdown());
  });

  describe('quick start, run verbatim against the started service', () => {
    let service: ServiceProcess;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'jindu-readme-'));
      service = new ServiceProcess(await freePort(), { DATABASE_URL: `sqlite:${join(dir, 'dev.sqlite')}` });
      await service.waitReady(240_000); // seeds the demo data first, as the first `npm start` does
    }, 250_000);

    afterAll(async () => {
      await service?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('puts a token into $TOKEN, then answers the first query with data and no errors', async () => {
      const blocks = shellBlocks(readme, 'Quick start');
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      expect(blocks[0]).toContain('export TOKEN=');
      expect(blocks[1]).toMatch(/Authorization: Bearer \$TOKEN[\s\S]*X-Access-Purpose:/);
      expect(blocks.join('\n')).toContain('127.0.0.1');

      const run = await runBash(`${blocks.join('\n')}\nprintf '\\n%s\\n' "TOKEN-SET:\${TOKEN:+yes}"`, shellEnv(service.port));
      expect({ code: run.code, stderr: run.stderr.slice(-2000) }).toEqual({ code: 0, stderr: expect.any(String) });
      const [json, tokenLine] = run.stdout.split('\n').filter(Boolean).slice(-2);
      expect(tokenLine).toBe('TOKEN-SET:yes');
      const body = JSON.parse(json);
      expect(body.errors).toBeUndefined();
      expect(body.data.me.role).toBe('PUBLIC_SECURITY');
      expect(body.data.districts).toHaveLength(5);
      for (const city of body.data.districts) expect(city.indicators.casesSolved).toBeGreaterThan(0);
      expect(body.data.persons.totalCount).toBeGreaterThan(0);
      expect(body.data.persons.nodes).toHaveLength(3);
      expect(body.data.persons.nodes[0].residenceDistrict.name).toEqual(expect.any(String));
    }, 150_000);

    it('points at the explorer on the same address', () => {
      const section = readme.slice(readme.indexOf('\n## Quick start\n'));
      expect(section).toMatch(/Open <http:\/\/127\.0\.0\.1:4000\/graphql> in a browser/);
    });
  });
});
