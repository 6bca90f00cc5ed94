// POST /import/:department?kind=drug-cases&file=NAME — a CSV (Content-Type text/csv) or NDJSON
// (application/x-ndjson) request body, through the same engine as the CLI (docs/IMPORTING.md). The
// Bearer token must carry the department's role (or ADMIN), and X-Access-Purpose is required as for
// every person-level operation; rows outside the token's district are rejected with rule JURISDICTION.
// The body is spooled and checked whole first: a file that cannot be read (rule ENCODING, CSV_HEADER,
// UNKNOWN_KIND, EMPTY) is refused with 400 and nothing is imported. Then the status is 200 and sent at
// once (an import may outlast REQUEST_TIMEOUT_MS); the body, sent at the end, is the JSON summary, or
// { error: { code, message } } if the import stopped half-way (re-send the file: rows already
// committed come back UNCHANGED). Refusals before any row is imported: 400, 401, 403, 404, 415.
import { Express, Request, Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { readPurpose, requirePurpose } from '../policy/purpose';
import { authenticate, TokenVerifier } from '../policy/tokens';
import { Viewer } from '../policy/viewer';
import { badInput, domainError, isUnavailable } from '../common/errors';
import { logger } from '../common/logger';
import { readFromPrimaryFromNowOn } from '../common/read-replica';
import { DistrictTree } from '../core/district-tree';
import { currentRecord } from '../ops/request-context';
import { checkFile, importFile } from './file-import';
import { spool, Spooled } from './spool';
import { assertMayWrite } from '../policy/write-rights';
import { Encoding, Format } from './readers';
import { departmentBySlug, departmentSlugs, parseKind } from './record-kinds';

export interface ImportRouteOptions {
  ds: DataSource;
  tree: DistrictTree;
  verify: TokenVerifier;
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, UNSUPPORTED_MEDIA_TYPE: 415, SERVICE_UNAVAILABLE: 503 };
const PARAMETERS = new Set(['kind', 'file', 'encoding']);

function errorBody(err: unknown): { code: string; message: string; rule?: string } {
  if (err instanceof GraphQLError && typeof err.extensions?.code === 'string' && STATUS[err.extensions.code]) {
    const rule = typeof err.extensions.rule === 'string' ? { rule: err.extensions.rule } : {};
    return { code: err.extensions.code, ...rule, message: err.message };
  }
  if (isUnavailable(err)) return { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' };
  const e = err as { name?: string; code?: string };
  logger.error({ err: { name: e?.name, code: e?.code } }, 'import failed');
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

function single(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badInput(`${name}: give it once`, name);
  return v.trim();
}

function formatOf(contentType: string | undefined): { format: Format; charset?: string } {
  const [type, ...params] = (contentType ?? '').split(';').map((s) => s.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (type === 'text/csv') return { format: 'csv', charset };
  if (['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'].includes(type)) return { format: 'ndjson', charset };
  throw domainError('UNSUPPORTED_MEDIA_TYPE' as never, 'Content-Type: text/csv or application/x-ndjson');
}

export function importRouter({ ds, tree, verify }: ImportRouteOptions): Router {
  const router = Router();
  router.post('/:department', async (req: Request, res: Response) => {
    // an import writes: whatever it reads comes from the primary (src/common/read-replica.ts)
    readFromPrimaryFromNowOn();
    let started = false;
    let body: Spooled | null = null;
    try {
      const department = departmentBySlug(String(req.params.department));
      if (!department) throw domainError('NOT_FOUND', `Departments: ${departmentSlugs().join(', ')}`);
      const identity = await authenticate(verify, req.headers.authorization);
      const viewer: Viewer = { ...identity, purpose: requirePurpose(readPurpose(req.headers['x-access-purpose'])) };
      assertMayWrite(viewer, department);
      const unknown = Object.keys(req.query).filter((k) => !PARAMETERS.has(k));
      if (unknown.length) throw badInput(`unknown parameter ${JSON.stringify(unknown[0].slice(0, 40))}; known: kind, file, encoding`, unknown[0].slice(0, 40));
      const kindText = single(req, 'kind');
      const kind = kindText === undefined ? undefined : parseKind(kindText);
      if (kindText !== undefined && !kind) throw badInput(`kind: ${JSON.stringify(kindText.slice(0, 40))} is not a record kind`, 'kind');
      const { format, charset } = formatOf(req.headers['content-type']);
      const encodingText = (single(req, 'encoding') ?? charset ?? 'auto').toLowerCase().replace('utf-8', 'utf8');
      if (!['auto', 'utf8', 'gb18030'].includes(encodingText)) throw badInput('encoding: auto, utf8 or gb18030', 'encoding');
      const file = (single(req, 'file') || `http-${format}`).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);

      body = await spool(req);
      const read = { format, kind, encoding: encodingText as Encoding };
      await checkFile(body.open, read);

      res.status(200).setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.flushHeaders();
      started = true;
      const summary = await importFile(body.open, { ds, tree, viewer, department, source: file, ...read, checked: true });
      res.end(JSON.stringify(summary));
    } catch (err) {
      const error = errorBody(err);
      currentRecord()?.codes.add(error.code);
      if (started) {
        res.end(JSON.stringify({ error }));
        return;
      }
      if (error.code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
      res.status(STATUS[error.code] ?? 500).json({ error });
    } finally {
      await body?.remove();
    }
  });
  return router;
}

// Mounted by createServer next to the other routes.
export function mountImportRoutes(app: Express, options: ImportRouteOptions): void {
  app.use('/import', importRouter(options));
}
