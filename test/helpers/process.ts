import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

// The service as production runs it: `node dist/src/index.js` in its own process (test/helpers/
// global-setup.ts compiles dist once per jest run).
const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'src', 'index.js');
// other entry points: the federation's subgraph and gateway (src/federation)
export const FEDERATION_ENTRIES = {
  subgraph: join(ROOT, 'dist', 'src', 'federation', 'subgraph.js'),
  gateway: join(ROOT, 'dist', 'src', 'federation', 'gateway.js'),
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// The child gets a clean configuration: only what the test passes, on top of PATH and the like.
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DATABASE_|PORT|NODE_ENV|LOG_LEVEL|AUTH_|DB_|SHUTDOWN_|REQUEST_|TEST_MYSQL_URL)/.test(key)) continue;
    base[key] = value;
  }
  const merged: NodeJS.ProcessEnv = { ...base, NODE_ENV: 'test' };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServiceProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  private out = '';
  private err = '';
  private exit: Exit | null = null;

  constructor(readonly port: number, env: Record<string, string | undefined>, entry = ENTRY) {
    // its own process group, so that a start that times out can be killed with everything it started
    this.child = spawn(process.execPath, [entry], { cwd: ROOT, env: childEnv({ PORT: String(port), ...env }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.out += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.err += s));
    this.exited = new Promise((resolve) => {
      // 'close': the process has exited and its output has been read to the end
      this.child.on('close', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get stdout(): string {
    return this.out;
  }
  get stderr(): string {
    return this.err;
  }
  get running(): boolean {
    return this.exit === null;
  }

  // JSON log lines (pino writes to stdout)
  logs(): Array<Record<string, any>> {
    return this.out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
  }

  // the log line the service writes once a response is finished may arrive just after the response
  async waitForLog(match: (line: Record<string, any>) => boolean, timeoutMs = 3000): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs().find(match);
      if (line) return line;
      if (Date.now() > deadline) throw new Error('log line not found');
      await sleep(20);
    }
  }

  // resident set size now and at its peak, in MB (Linux /proc)
  memory(): { rssMb: number; peakRssMb: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  }

  async waitReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`service exited (${JSON.stringify(this.exit)}) before it was ready: ${this.err}`);
      const res = await httpRequest(`${this.url}/readyz`).catch(() => null);
      if (res?.status === 200) return;
      await sleep(100);
    }
    // a service that never became ready must not outlive the test (a run once hung 7.5 minutes here)
    this.killGroup();
    throw new Error(`service not ready within ${timeoutMs} ms: ${this.err}`);
  }

  killGroup(): void {
    if (!this.running || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  // last resort in afterAll
  kill(): void {
    this.killGroup();
  }
}

export async function startProcess(env: Record<string, string | undefined>, { waitReady = true, entry = ENTRY } = {}): Promise<ServiceProcess> {
  const service = new ServiceProcess(await freePort(), env, entry);
  if (waitReady) await service.waitReady();
  return service;
}

// Runs the service with this environment until it exits by itself (bad configuration).
export async function runToExit(env: Record<string, string | undefined>, timeoutMs = 20_000): Promise<Exit & { stdout: string; stderr: string }> {
  const service = new ServiceProcess(await freePort(), env);
  const timer = setTimeout(() => service.kill(), timeoutMs);
  const exit = await service.exited;
  clearTimeout(timer);
  return { ...exit, stdout: service.stdout, stderr: service.stderr };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): any;
  ms: number;
}

// One request on a new connection (agent: false) unless an agent is given.
export function httpRequest(
  url: string,
  { method = 'GET', headers = {}, body, agent }: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {},
): Promise<HttpResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: body ? { 'content-type': 'application/json', ...headers } : headers, agent: agent ?? false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (s: string) => (text += s));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text), ms: Date.now() - started }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function graphqlRequest(baseUrl: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>, agent?: Agent): Promise<HttpResponse> {
  return httpRequest(`${baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }), agent });
}

// The value of one sample in Prometheus text format, e.g. metric(text, 'jindu_requests_in_flight').
export function metricValue(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
