import { Express, Request, Response, Router } from 'express';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { readPurpose } from '../policy/purpose';
import { authenticate, TokenVerifier } from '../policy/tokens';
import { Viewer } from '../policy/viewer';
import { badInput, isUnavailable } from '../common/errors';
import { logger } from '../common/logger';
import { DateScalar } from '../common/scalars';
import { StatementCount } from '../common/sql-counter';
import { buildContext } from '../core/context';
import { DistrictTree } from '../core/district-tree';
import { currentRecord } from '../ops/request-context';
import { columnGroups, columnsOfGroup } from './report-columns';
import { jointReportCsv } from './exporters/csv';
import { jointReportHtml } from './exporters/html';
import { jointReportXlsx } from './exporters/xlsx';
import { dataAsOf } from './data-as-of';
import { BuiltReport, buildJointReport, parentHistory, ReportContext } from './joint-report.service';
import { JointReportInput, ReportLevel } from './joint-report.types';
import { reportConfig } from '../indicators/release/release-config';
import { auditDownload } from './download-audit';
import { isSignedLink, verifyReportLink } from './download-links';
import { HeavySlots } from '../ops/heavy-queries';

// GET /reports/joint.csv, /reports/joint.xlsx, /reports/joint.html: the joint report with the query's
// arguments as query-string parameters, e.g.
//   /reports/joint.csv?from=2022-01-01&to=2022-12-31&compareFrom=2021-01-01&compareTo=2021-12-31
//                     &level=COUNTY&parentCode=640000&indicators=casesSolved,newUsers
// (or &group=users: the indicators of one column group, src/reports/exporters/column-groups.ts)
// The same Bearer token check and Viewer as /graphql, the same service (so the same access rules and
// suppression). Errors: JSON { error: { code, message } } with 400, 401, 403 (503, 500).

export interface ReportRouteOptions {
  ds: DataSource;
  tree: DistrictTree;
  verify: TokenVerifier;
  // a subject's exports take a heavy slot like its heavy GraphQL operations (src/ops/heavy-queries.ts)
  heavySlots?: HeavySlots;
}

const PARAMETERS = new Set(['from', 'to', 'compareFrom', 'compareTo', 'level', 'parentCode', 'indicators', 'group']);

function single(query: Request['query'], name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput(`${name}: give it once`, name);
  return value.trim();
}

function date(query: Request['query'], name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  try {
    return DateScalar.parseValue(value);
  } catch {
    throw badInput(`${name}: a calendar day YYYY-MM-DD, e.g. 2022-12-31`, name);
  }
}

// Query string -> the GraphQL input; the service validates the rest exactly as for the query.
export function parseReportQuery(query: Request['query']): JointReportInput {
  const unknown = Object.keys(query).filter((k) => !PARAMETERS.has(k));
  if (unknown.length) {
    throw badInput(`unknown parameter ${JSON.stringify(unknown[0].slice(0, 40))}; known: ${[...PARAMETERS].join(', ')}`, unknown[0].slice(0, 40));
  }
  const from = date(query, 'from');
  const to = date(query, 'to');
  if (!from || !to) throw badInput('from and to are required (the report period, YYYY-MM-DD, both days inclusive)', from ? 'to' : 'from');
  const compareFrom = date(query, 'compareFrom');
  const compareTo = date(query, 'compareTo');
  if (!compareFrom !== !compareTo) throw badInput('compareFrom and compareTo go together', compareFrom ? 'compareTo' : 'compareFrom');
  const level = single(query, 'level');
  if (level !== undefined && !(level.toUpperCase() in ReportLevel)) throw badInput(`level: one of ${Object.values(ReportLevel).join(', ')}`, 'level');
  const raw = query.indicators;
  const list = raw === undefined ? undefined : (Array.isArray(raw) ? raw : [raw]);
  if (list && list.some((v) => typeof v !== 'string')) throw badInput('indicators: a comma-separated list of names', 'indicators');
  if (list && query.group !== undefined) throw badInput('give indicators or group, not both', 'group');
  const named = list && (list as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const indicators = named ?? groupIndicators(single(query, 'group'));
  return {
    period: { from, to },
    compareTo: compareFrom && compareTo ? { from: compareFrom, to: compareTo } : null,
    level: level ? (level.toUpperCase() as ReportLevel) : null,
    parentCode: single(query, 'parentCode') || null,
    indicators: indicators ?? null,
  };
}

// group=users: the columns of one column group (src/reports/report-columns.ts) instead of a list.
function groupIndicators(key: string | undefined): string[] | undefined {
  if (key === undefined) return undefined;
  const columns = columnsOfGroup(key);
  if (!columns.length) throw badInput(`group: one of ${columnGroups().map((g) => g.key).join(', ')}`, 'group');
  return columns.map((c) => c.key);
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

function sendError(res: Response, err: unknown): void {
  const known = err instanceof GraphQLError && typeof err.extensions?.code === 'string' && STATUS[err.extensions.code];
  let code: string;
  let message: string;
  if (known) {
    code = err.extensions.code as string;
    message = err.message;
  } else if (isUnavailable(err)) {
    code = 'SERVICE_UNAVAILABLE';
    message = 'The database is unavailable; try again shortly';
  } else {
    code = 'INTERNAL_SERVER_ERROR';
    message = 'Internal server error';
    logger.error({ err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'joint report export failed');
  }
  currentRecord()?.codes.add(code);
  if (res.headersSent) return;
  if (code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer');
  res.setHeader('cache-control', 'no-store');
  // a refusal by a quota says why and when to retry, as GraphQL's does
  const { reason, retryAfterSeconds } = (known ? err.extensions : {}) as { reason?: unknown; retryAfterSeconds?: unknown };
  if (typeof retryAfterSeconds === 'number') res.setHeader('retry-after', String(retryAfterSeconds));
  const extra = typeof reason === 'string' ? { reason, retryAfterSeconds } : {};
  res.status(STATUS[code] ?? 500).json({ error: { code, message, ...extra } });
}

function fileName(built: BuiltReport, ext: string, group: unknown): string {
  const { spec } = built;
  const compare = spec.compare ? `_vs_${spec.compare.from}_${spec.compare.to}` : '';
  const part = typeof group === 'string' && columnsOfGroup(group).length ? `_${group}` : '';
  return `joint-report_${spec.parent.code}_${spec.level}_${spec.period.from}_${spec.period.to}${compare}${part}.${ext}`;
}

type Format = 'csv' | 'xlsx' | 'html';

export function reportRouter({ ds, tree, verify, heavySlots }: ReportRouteOptions): Router {
  const router = Router();
  const handler = (format: Format) => async (req: Request, res: Response) => {
    let release: (() => void) | undefined;
    try {
      // a signed download link (from the jointReportLink query) or the Bearer token
      const link = isSignedLink(req.query) ? verifyReportLink(`/reports${req.path}`, req.originalUrl.split('?')[1] ?? '') : null;
      const viewer: Viewer = link?.viewer ?? { ...(await authenticate(verify, req.headers.authorization)), purpose: readPurpose(req.headers['x-access-purpose']) };
      release = heavySlots?.take(viewer.sub, 'heavy operation(s) or report export(s)');
      // a download refused by the heavy-slot rule above is not recorded as made
      if (link) auditDownload(ds, link.viewer, req.path, link.query);
      const ctx: ReportContext = buildContext(ds, tree, viewer, (res.locals.statements as StatementCount | undefined) ?? new StatementCount());
      const input = parseReportQuery(link?.query ?? req.query);
      const built = await buildJointReport(ctx, input);
      const { report } = built;
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      if (format === 'csv') {
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="${fileName(built, 'csv', req.query.group)}"`);
        res.send(jointReportCsv(report));
        return;
      }
      if (format === 'xlsx') {
        const asOf = await dataAsOf(ds, report.metadata);
        const body = await jointReportXlsx(report, { dataAsOf: asOf.at, dataAsOfBasis: asOf.basis });
        res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('content-disposition', `attachment; filename="${fileName(built, 'xlsx', req.query.group)}"`);
        res.send(body);
        return;
      }
      const [asOf, history] = await Promise.all([dataAsOf(ds, report.metadata), parentHistory(ctx, built.spec, 5)]);
      // nothing may load from elsewhere: the page is self-contained, and has no script at all
      res.setHeader(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.send(jointReportHtml(report, { dataAsOf: asOf.at, dataAsOfBasis: asOf.basis, history }));
    } catch (err) {
      sendError(res, err);
    } finally {
      release?.();
    }
  };
  router.get('/joint.csv', handler('csv'));
  router.get('/joint.xlsx', handler('xlsx'));
  router.get('/joint.html', handler('html'));
  return router;
}

// Mounted by createServer after the request tracking and before /graphql.
export function mountReportRoutes(app: Express, options: ReportRouteOptions): void {
  reportConfig(); // a bad REPORT_SUPPRESSION_THRESHOLD stops the service at start, not at the first report
  app.use('/reports', reportRouter(options));
}
