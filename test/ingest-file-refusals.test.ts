// Files that cannot be imported are refused whole, before any row is committed: bytes not valid in the
// file's encoding (rule ENCODING, naming the first bad line), no rows (EMPTY), a bad header; over HTTP
// with 400 and a code, and the purpose header is required; the CLI exits non-zero and cannot act as an
// operator it is not outside development.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { encode } from 'iconv-lite';
import { DataSource } from 'typeorm';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signDevToken } from '../src/policy/tokens';
import { Role, Viewer } from '../src/policy/viewer';
import { makeIdNumber } from '../src/common/id-number';
import { DatabaseTarget } from '../src/config';
import { DistrictTree } from '../src/core/district-tree';
import { importFile } from '../src/ingest/file-import';
import { Department, RecordKind } from '../src/ingest/ingest.enums';
import { tokenFor } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, startHttp } from './helpers/http';

const ADMIN: Viewer = { sub: 'refusal-test', name: 'Refusal', role: Role.ADMIN, district: '640000', purpose: 'file refusal test' };
const HEADER = 'sourceKey,idNumber,name,residenceDistrictCode,districtCode,detectedAt,substance,method,disposition';
const row = (i: number, name: string) => [`RF-${i}`, makeIdNumber('640104', '1990-01-01', 100 + i), name, '640104', '640104', '2022-04-01', 'HEROIN', 'URINE', 'COMMUNITY_DETOX_ORDER'].join(',');
const CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'import.js');

// UTF-8 lines with one GB18030 line (line 3) in between, and the other way round (line 2)
const MIXED_UTF8 = Buffer.concat([Buffer.from(`${HEADER}\n${row(1, '张三')}\n`), encode(`${row(2, '李四')}\n`, 'gb18030'), Buffer.from(`${row(3, '王五')}\n`)]);
const MIXED_GB = Buffer.concat([encode(`${HEADER}\n${row(4, '赵六')}\n`, 'gb18030'), Buffer.from(`${row(5, '钱七')}\n`)]);

function urlOf(target: DatabaseTarget, file: string): string {
  return target.kind === 'sqlite' ? `sqlite:${file}` : (process.env.TEST_MYSQL_URL as string);
}

describe.each(testDatabases())('files refused whole on $name', ({ name, target }) => {
  let ds: DataSource;
  let http: HttpService;
  const counts = async () => {
    const [p] = await ds.query('SELECT COUNT(*) AS n FROM person');
    const [d] = await ds.query('SELECT COUNT(*) AS n FROM drug_use_detection');
    const [q] = await ds.query('SELECT COUNT(*) AS n FROM rejected_record');
    return [Number(p.n), Number(d.n), Number(q.n)];
  };
  const importCsv = async (bytes: Buffer | string, encoding?: 'utf8' | 'gb18030') =>
    importFile(() => Readable.from([Buffer.from(bytes)]), {
      ds, tree: await DistrictTree.load(ds), viewer: ADMIN, department: Department.PUBLIC_SECURITY, source: 'refused.csv', format: 'csv', kind: RecordKind.DRUG_USE_DETECTION, encoding,
    });
  const post = async (path: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    fetch(`${http.url}${path}`, {
      method: 'POST', body: new Uint8Array(Buffer.from(body)),
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await tokenFor('PUBLIC_SECURITY', '640000')}`, 'x-access-purpose': 'refusal test', ...headers },
    });

  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds);
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('refuses a file mixing UTF-8 and GB18030 with ENCODING and the first bad line, importing nothing', async () => {
    const before = await counts();
    await expect(importCsv(MIXED_UTF8)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'ENCODING' }, message: expect.stringMatching(/^line 3:/) });
    await expect(importCsv(MIXED_UTF8, 'utf8')).rejects.toMatchObject({ extensions: { rule: 'ENCODING' }, message: expect.stringMatching(/^line 3:/) });
    await expect(importCsv(MIXED_GB)).rejects.toMatchObject({ extensions: { rule: 'ENCODING' }, message: expect.stringMatching(/^line 3:/) });
    expect(await counts()).toEqual(before);
    // a clean GB18030 file still imports, its names intact
    const clean = await importCsv(encode(`${HEADER}\n${row(6, '孙八')}\n`, 'gb18030'));
    expect(clean).toMatchObject({ encoding: 'gb18030', inserted: 1 });
    const [p] = await ds.query('SELECT name FROM person WHERE id_number = ?', [makeIdNumber('640104', '1990-01-01', 106)]);
    expect(p.name).toBe('孙八');
  });

  it('refuses an empty file and a header without rows with EMPTY', async () => {
    await expect(importCsv('')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'EMPTY' } });
    await expect(importCsv(`${HEADER}\n`)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'EMPTY' } });
  });

  it('answers 400 with a code over HTTP for encoding, empty and header errors, and 403 without the purpose header', async () => {
    const before = await counts();
    const cases: Array<[Buffer | string, string]> = [[MIXED_UTF8, 'ENCODING'], ['', 'EMPTY'], [`${HEADER}\n`, 'EMPTY'], [`sourceKey,shoeSize\nX,1\n`, 'CSV_HEADER']];
    for (const [body, rule] of cases) {
      const res = await post('/import/public-security?kind=drug-use-detections', body);
      expect([res.status, ((await res.json()) as any).error]).toEqual([400, { code: 'BAD_USER_INPUT', rule, message: expect.any(String) }]);
    }
    const noPurpose = await post('/import/public-security?kind=drug-use-detections', `${HEADER}\n${row(7, '周九')}\n`, { 'x-access-purpose': '' });
    expect(noPurpose.status).toBe(403);
    expect(((await noPurpose.json()) as any).error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    const ok = await post('/import/public-security?kind=drug-use-detections', `${HEADER}\n${row(8, '吴十')}\n`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ read: 1, inserted: 1 });
  });

  it('CLI: exits non-zero for an empty file, and outside development needs a token instead of --as', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jindu-refusal-'));
    try {
      const dbFile = join(dir, 'db.sqlite');
      if (name === 'sqlite') {
        const fileDs = await freshDatabase({ kind: 'sqlite', path: dbFile });
        await fileDs.destroy();
      }
      const empty = join(dir, 'empty.csv');
      writeFileSync(empty, `${HEADER}\n`);
      const good = join(dir, 'good.csv');
      writeFileSync(good, `${HEADER}\n${row(9, '郑一')}\n`);
      const secret = 'x'.repeat(8) + 'refusal-test-secret-of-some-length-0123456789';
      const run = (args: string[], env: Record<string, string>) =>
        spawnSync(process.execPath, [CLI, '--department', 'public-security', '--kind', 'drug-use-detections', '--purpose', 'refusal test', ...args], {
          env: { ...process.env, DATABASE_URL: urlOf(target, dbFile), LOG_LEVEL: 'silent', ...env }, encoding: 'utf8',
        });
      const emptyRun = run(['--as', 'tester', empty], { NODE_ENV: 'test' });
      expect(emptyRun.status).toBe(2);
      expect(emptyRun.stderr).toContain('EMPTY');
      const prod = { NODE_ENV: 'production', AUTH_JWT_SECRET: secret, AUDIT_HMAC_KEY: 'audit-key-of-the-refusal-test-0123456789-abcdef', AUDIT_CHECKPOINT_FILE: join(dir, 'checkpoints') };
      const pretend = run(['--as', 'somebody-else', good], prod);
      expect(pretend.status).toBe(2);
      expect(pretend.stderr).toMatch(/token/);
      const justiceToken = join(dir, 'justice.jwt');
      writeFileSync(justiceToken, await signDevToken({ role: Role.JUSTICE, district: '640000' }, { jwtSecret: secret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }));
      expect(run(['--token-file', justiceToken, good], prod).status).toBe(2); // may not write public security
      const psToken = join(dir, 'ps.jwt');
      writeFileSync(psToken, await signDevToken({ role: Role.PUBLIC_SECURITY, district: '640104' }, { jwtSecret: secret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }));
      const withToken = run(['--token-file', psToken, good], prod);
      expect([withToken.status, withToken.stderr]).toEqual([0, expect.stringContaining('batch 1 committed')]);
      expect(JSON.parse(withToken.stdout)).toMatchObject({ read: 1, inserted: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
