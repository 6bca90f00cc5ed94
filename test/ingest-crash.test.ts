import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { makeIdNumber } from '../src/common/id-number';
import { DatabaseTarget } from '../src/config';
import { openDataSource } from '../src/database';
import { freshDatabase, testDatabases } from './helpers/databases';
import { naturalSnapshot } from './helpers/ingest';

// The real CLI (dist/, compiled by the jest global setup) killed with SIGKILL after some committed
// batches, run again, killed again, run to the end: the database must then equal one that received
// the same file in one uninterrupted run, with no duplicates.
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'import.js');
const ROWS = 3000;
const BATCH = 100;

function makeFile(path: string): void {
  const counties = ['640104', '640105', '640106', '640402', '640302'];
  const lines = ['sourceKey,idNumber,name,residenceDistrictCode,districtCode,detectedAt,substance,method,disposition'];
  for (let i = 0; i < ROWS; i += 1) {
    const p = i % 900; // ~900 persons, several detections each
    const county = counties[p % counties.length];
    const id = makeIdNumber(county, `19${String(60 + (p % 40)).padStart(2, '0')}-0${1 + (p % 9)}-1${p % 10}`, p % 1000);
    const key = i === 1500 ? 'DET-10' : `DET-${i}`; // a duplicate key: the later row wins
    const date = i % 250 === 7 ? '2022-02-30' : `2022-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`; // some impossible dates
    lines.push([key, id, `人员${p}`, county, county, date, i % 3 ? 'HEROIN' : 'METHAMPHETAMINE', 'URINE', 'ADMINISTRATIVE_DETENTION'].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function urlOf(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
}

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  batches: () => number;
}

function runImport(target: DatabaseTarget, file: string): Run {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DATABASE_URL|LOG_LEVEL|TEST_MYSQL_URL|DB_)/.test(k)) env[k] = v;
  const child = spawn(process.execPath, [CLI, '--department', 'public-security', '--kind', 'drug-use-detections', '--purpose', 'crash test', '--as', 'crash-test', '--batch-size', String(BATCH), file], {
    cwd: ROOT, env: { ...env, DATABASE_URL: urlOf(target), NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited, batches: () => (stderr.match(/^batch \d+ committed/gm) ?? []).length };
}

async function killAfter(target: DatabaseTarget, file: string, batches: number): Promise<void> {
  const run = runImport(target, file);
  const deadline = Date.now() + 30_000;
  while (run.batches() < batches && Date.now() < deadline && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
  run.child.kill('SIGKILL');
  const exit = await run.exited;
  expect(exit.signal).toBe('SIGKILL'); // killed, not finished
}

async function runToEnd(target: DatabaseTarget, file: string): Promise<Record<string, unknown>> {
  const exit = await runImport(target, file).exited;
  expect({ code: exit.code, stderr: exit.stderr.split('\n').filter((l) => !l.startsWith('batch ')).join('\n') }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(exit.stdout);
}

// A second, empty database beside the test database: `<name>_kill` on MySQL, another file on SQLite.
async function secondTarget(target: DatabaseTarget, dir: string, name: string): Promise<DatabaseTarget> {
  if (target.kind === 'sqlite') return { kind: 'sqlite', path: join(dir, `${name}.sqlite`) };
  const url = new URL(target.url);
  const db = `${url.pathname.slice(1)}_${name}`;
  const conn = await createConnection({ uri: target.url });
  await conn.query(`CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  url.pathname = `/${db}`;
  return { ...target, url: url.toString() };
}

async function prepare(target: DatabaseTarget): Promise<void> {
  const ds = await freshDatabase(target);
  await ds.destroy();
}

describe.each(testDatabases())('an import killed mid-way on $name', ({ name, target: base }) => {
  let dir: string;
  let file: string;
  let killed: DatabaseTarget;
  let clean: DatabaseTarget;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} missing: the jest global setup compiles dist/`);
    dir = mkdtempSync(join(tmpdir(), `jindu-crash-${name}-`));
    file = join(dir, 'detections.csv');
    makeFile(file);
    killed = base.kind === 'sqlite' ? { kind: 'sqlite', path: join(dir, 'killed.sqlite') } : base;
    clean = await secondTarget(base, dir, 'ing_clean');
    await prepare(killed);
    await prepare(clean);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends, when run again, in the same state as an uninterrupted import, without duplicates', async () => {
    await killAfter(killed, file, 4);
    let ds: DataSource = await openDataSource(killed);
    const partial = Number((await ds.query('SELECT COUNT(*) AS n FROM drug_use_detection'))[0].n);
    await ds.destroy();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS - 20);
    await killAfter(killed, file, 12); // killed again, further on
    const resumed = await runToEnd(killed, file);
    const uninterrupted = await runToEnd(clean, file);
    expect(uninterrupted).toMatchObject({ read: ROWS, rejected: 12, balanced: true, updated: 1, inserted: ROWS - 12 - 1 });
    expect(resumed).toMatchObject({ read: ROWS, rejected: 12, balanced: true });
    expect(resumed.inserted as number).toBeLessThan(uninterrupted.inserted as number); // rows committed before the kill came back unchanged

    ds = await openDataSource(killed);
    const other = await openDataSource(clean);
    try {
      const [a, b] = [await naturalSnapshot(ds), await naturalSnapshot(other)];
      expect(a.drug_use_detection).toHaveLength(ROWS - 12 - 1);
      expect(a.person.length).toBe(900);
      expect(a.rejected_record).toHaveLength(12);
      expect(a).toEqual(b);
      const [dups] = await ds.query('SELECT COUNT(*) - COUNT(DISTINCT source_key) AS d FROM drug_use_detection');
      expect(Number(dups.d)).toBe(0);
    } finally {
      await ds.destroy();
      await other.destroy();
    }
  });
});
