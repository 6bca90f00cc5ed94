#!/usr/bin/env node
// Import benchmark (never part of `npm test`): generates a CSV of drug-use detections (default
// 1,000,000 rows for 300,000 persons), imports it with the real CLI (`node dist/src/cli/import.js`)
// into a freshly migrated MariaDB/MySQL database, and reports rows/s and the importer's peak RSS
// (from /usr/bin/time -v where present, else from /proc while it runs).
//
//   npm run build
//   node test/bench/import-bench.js [--rows 1000000] [--persons 300000] [--batch-size 1000]
//        [--url mysql://root@127.0.0.1:3306/jindu_ing_bench] [--again]   (--again: import the same file a second time)
'use strict';
const { spawn } = require('node:child_process');
const { createWriteStream, existsSync, readFileSync, statSync } = require('node:fs');
const { once } = require('node:events');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

const ROOT = join(__dirname, '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']] : pairs), []),
);
const ROWS = Number(args.rows ?? 1_000_000);
const PERSONS = Number(args.persons ?? 300_000);
const BATCH = Number(args['batch-size'] ?? 1000);
const URL_ = args.url ?? 'mysql://root@127.0.0.1:3306/jindu_ing_bench';
const FILE = join(tmpdir(), `jindu-import-bench-${ROWS}.csv`);

const { makeIdNumber } = require(join(ROOT, 'dist', 'src', 'common', 'id-number.js'));
const { parseDatabaseUrl } = require(join(ROOT, 'dist', 'src', 'config.js'));
const { openDataSource } = require(join(ROOT, 'dist', 'src', 'database.js'));

const COUNTIES = ['640104', '640105', '640106', '640121', '640122', '640181', '640202', '640205', '640221', '640302', '640303', '640323', '640324', '640381', '640402', '640422', '640423', '640424', '640425', '640502', '640521', '640522'];
const SUBSTANCES = ['HEROIN', 'METHAMPHETAMINE', 'KETAMINE', 'MDMA'];
const METHODS = ['URINE', 'HAIR', 'BLOOD'];
const DISPOSITIONS = ['ADMINISTRATIVE_DETENTION', 'COMMUNITY_DETOX_ORDER', 'COMPULSORY_ISOLATION_ORDER'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';

async function generate() {
  if (existsSync(FILE) && statSync(FILE).size > ROWS * 50) return;
  const out = createWriteStream(FILE);
  out.write('sourceKey,idNumber,name,residenceDistrictCode,districtCode,detectedAt,substance,method,disposition\n');
  for (let i = 0; i < ROWS; i += 1) {
    const p = i % PERSONS;
    const county = COUNTIES[p % COUNTIES.length];
    const year = 1960 + (p % 45);
    const birth = `${year}-${String(1 + (p % 12)).padStart(2, '0')}-${String(1 + ((p >> 4) % 28)).padStart(2, '0')}`;
    const id = makeIdNumber(county, birth, Math.floor(p / 540) % 1000);
    const day = `20${String(15 + (i % 8)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const line = `GA-DET-${i},${id},${SURNAMES[p % SURNAMES.length]}某${p},${county},${county},${day},${SUBSTANCES[i % 4]},${METHODS[i % 3]},${DISPOSITIONS[i % 3]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function freshDatabase() {
  const target = parseDatabaseUrl(URL_);
  if (target.kind === 'mysql') {
    const mysql = require('mysql2/promise');
    const url = new URL(target.url);
    const db = url.pathname.slice(1);
    url.pathname = '/';
    const conn = await mysql.createConnection({ uri: url.toString() });
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4`);
    await conn.end();
  }
  const ds = await openDataSource(target);
  await ds.runMigrations();
  await ds.destroy();
}

function runImport() {
  // as `npm run import` runs it (package.json): a heap limit keeps V8 from growing the heap lazily
  const cli = ['--max-old-space-size=192', join(ROOT, 'dist', 'src', 'cli', 'import.js'), '--department', 'public-security', '--kind', 'drug-use-detections', '--purpose', 'benchmark', '--as', 'bench', '--batch-size', String(BATCH), FILE];
  const useTime = existsSync('/usr/bin/time');
  const child = useTime
    ? spawn('/usr/bin/time', ['-v', process.execPath, ...cli], { cwd: ROOT, env: { ...process.env, DATABASE_URL: URL_ }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, cli, { cwd: ROOT, env: { ...process.env, DATABASE_URL: URL_ }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s) => {
    stderr += s;
    if (stderr.length > 100000) stderr = stderr.slice(-20000);
  });
  const poll = useTime ? null : setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {}
  }, 200);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`));
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) peakKb = Number(m[1]);
      const cpu = ['User', 'System'].reduce((sum, k) => sum + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0), 0);
      resolve({ summary: JSON.parse(stdout.trim().split('\n').pop()), seconds, peakMb: Math.round(peakKb / 1024), cpu });
    });
  });
}

(async () => {
  const t0 = Date.now();
  await generate();
  process.stdout.write(`file ${FILE}: ${ROWS} rows, ${(statSync(FILE).size / 1e6).toFixed(1)} MB (${((Date.now() - t0) / 1000).toFixed(1)} s to generate)\n`);
  await freshDatabase();
  const runs = args.again ? 2 : 1;
  for (let r = 1; r <= runs; r += 1) {
    const { summary, seconds, peakMb, cpu } = await runImport();
    const { read, inserted, updated, unchanged, rejected, personsCreated, balanced } = summary;
    process.stdout.write(
      `run ${r}: ${read} rows in ${seconds.toFixed(1)} s = ${Math.round(read / seconds)} rows/s; peak RSS ${peakMb} MB; ` +
        (cpu ? `importer CPU ${cpu.toFixed(1)} s (${Math.round(read / cpu)} rows per CPU-second); load average ${require('node:os').loadavg()[0].toFixed(1)}; ` : '') +
        `inserted ${inserted}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}, persons created ${personsCreated}, balanced ${balanced}\n`,
    );
  }
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
