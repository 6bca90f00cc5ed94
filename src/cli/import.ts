// npm run import -- --department public-security|justice|employment [--kind drug-cases] [--format csv|ndjson]
//                   [--encoding auto|utf8|gb18030] [--as NAME | --token-file PATH] --purpose TEXT [--batch-size N] FILE
// Who imports: the operator of a token (--token-file, or the IMPORT_TOKEN environment variable), with
// that token's role and district; without a token, and only outside production, --as NAME (default:
// the login name) imports as a provincial administrator, for development and tests.
// Imports a CSV (header row = input field names) or NDJSON file (one object per line, with `kind`
// unless --kind is given) into DATABASE_URL, in batches of --batch-size rows per transaction. Prints
// one progress line per committed batch on stderr and the summary as JSON on stdout.
// Killed at any point, the same command run again ends in the same state as an uninterrupted run.
// Exit codes: 0 imported (rejected rows are in the quarantine), 2 wrong arguments, a file that cannot
// be read (encoding, header, no rows) or a token that may not write, 1 anything else.
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { readFile } from 'node:fs/promises';
import { createTokenVerifier } from '../policy/tokens';
import { developmentOperator } from '../policy/development';
import { Viewer } from '../policy/viewer';
import { assertMayWrite } from '../policy/write-rights';
import { configureAudit } from '../audit/audit-setup';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';
import { DistrictTree } from '../core/district-tree';
import { importFile } from '../ingest/file-import';
import { Department, RecordKind } from '../ingest/ingest.enums';
import { DEFAULT_BATCH_SIZE } from '../ingest/ingest.service';
import { Encoding, Format, formatOf } from '../ingest/readers';
import { departmentBySlug, departmentSlugs, parseKind } from '../ingest/record-kinds';

export const USAGE =
  'usage: npm run import -- --department public-security|justice|employment [--kind KIND] [--format csv|ndjson] [--encoding auto|utf8|gb18030] [--as NAME | --token-file PATH] --purpose TEXT [--batch-size N] FILE';

class UsageError extends Error {}

export interface ImportArgs {
  department: Department;
  kind?: RecordKind;
  format: Format;
  encoding: Encoding;
  as: string;
  tokenFile?: string;
  purpose: string;
  batchSize: number;
  file: string;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        department: { type: 'string' }, kind: { type: 'string' }, format: { type: 'string' }, encoding: { type: 'string' },
        as: { type: 'string' }, 'token-file': { type: 'string' }, purpose: { type: 'string' }, 'batch-size': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.replace(/\s+/g, ' ').trim() : String(err));
  }
  const v = parsed.values as Record<string, string | undefined>;
  const department = departmentBySlug(v.department ?? '');
  if (!department) throw new UsageError(`--department must be one of ${departmentSlugs().join(', ')}`);
  if (parsed.positionals.length !== 1) throw new UsageError('give exactly one FILE');
  const file = parsed.positionals[0];
  const kind = v.kind === undefined ? undefined : parseKind(v.kind);
  if (v.kind !== undefined && !kind) throw new UsageError(`--kind ${JSON.stringify(v.kind)} is not a record kind`);
  const format = (v.format ?? formatOf(file)) as Format | undefined;
  if (format !== 'csv' && format !== 'ndjson') throw new UsageError('--format csv|ndjson (or a file ending in .csv, .ndjson or .jsonl)');
  const encoding = (v.encoding ?? 'auto').toLowerCase().replace('utf-8', 'utf8') as Encoding;
  if (!['auto', 'utf8', 'gb18030'].includes(encoding)) throw new UsageError('--encoding auto|utf8|gb18030');
  const purpose = v.purpose?.trim();
  if (!purpose || purpose.length > 200) throw new UsageError('--purpose is required (1-200 characters: why this import is made)');
  const batchSize = v['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(v['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new UsageError('--batch-size must be an integer 1..10000');
  if (v.as !== undefined && v['token-file'] !== undefined) throw new UsageError('give --as or --token-file, not both');
  return { department, kind, format, encoding, as: v.as?.trim() || userInfo().username, tokenFile: v['token-file'], purpose, batchSize, file };
}

// The operator: the token's, or (outside production only) the console user as a provincial administrator.
async function operatorOf(args: ImportArgs, config: ReturnType<typeof loadConfig>): Promise<Viewer> {
  const token = args.tokenFile !== undefined ? (await readFile(args.tokenFile, 'utf8')).trim() : process.env.IMPORT_TOKEN?.trim();
  if (token) {
    const identity = await createTokenVerifier(config.auth)(token);
    const viewer: Viewer = { ...identity, purpose: args.purpose };
    assertMayWrite(viewer, args.department);
    return viewer;
  }
  if (config.production) throw new UsageError('in production an import needs a token (IMPORT_TOKEN or --token-file); --as is for development only');
  return developmentOperator(args.as, args.purpose);
}

async function main(argv: string[]): Promise<number> {
  let args: ImportArgs;
  try {
    args = parseImportArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`import: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const config = loadConfig();
  // imports are audited: with the service's key and checkpoints
  configureAudit(config.audit);
  let viewer: Viewer;
  try {
    viewer = await operatorOf(args, config);
  } catch (err) {
    if (err instanceof UsageError || err instanceof GraphQLError) {
      process.stderr.write(`import: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const ds = await openDataSource(config.database, undefined, { size: 2 });
  try {
    const tree = await DistrictTree.load(ds);
    const summary = await importFile(() => createReadStream(args.file, { highWaterMark: 256 * 1024 }), {
      ds, tree, viewer, department: args.department, source: basename(args.file), format: args.format, kind: args.kind, encoding: args.encoding,
      batchSize: args.batchSize,
      onBatch: (s) => process.stderr.write(`batch ${s.batches} committed: read ${s.read} (inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected})\n`),
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions?.code === 'BAD_USER_INPUT') {
      process.stderr.write(`import: ${err.extensions.rule ? `${String(err.extensions.rule)}: ` : ''}${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof ConfigError) {
        process.stderr.write(`import: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      const e = err as { code?: string; message?: string };
      // database messages may quote values: only the kind of failure is printed
      process.stderr.write(`import failed: ${e.code ?? (err instanceof Error ? err.name : 'error')}${e.code === 'ENOENT' ? ` (${e.message})` : ''}\n`);
      process.exitCode = 1;
    },
  );
}
