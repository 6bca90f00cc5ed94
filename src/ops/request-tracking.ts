import { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { logger } from '../common/logger';
import { withReadRouting } from '../common/read-replica';
import { StatementCount, trackStatements } from '../common/sql-counter';
import { Lifecycle } from './lifecycle';
import { Metrics } from './metrics';
import { currentRecord, RequestRecord, runWithRecord } from './request-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function unavailableBody(message: string) {
  return { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
}

// After the service answered a request itself (time limit), whatever the GraphQL handler writes later
// is dropped instead of failing with "headers already sent".
function discardLateWrites(res: Response): void {
  const noop = function (this: Response) {
    return this;
  };
  Object.assign(res, { setHeader: noop, writeHead: noop, status: noop, send: noop, json: noop, end: noop, write: () => true, flush: () => undefined });
}

// One line per request: request id, operation, duration, SQL statement count and outcome. Only these
// fields: never headers, tokens, variables or anything read from the database.
function logRequest(req: Request, res: Response, record: RequestRecord, path: string, ms: number, statements: number, outcome: string): void {
  logger.info(
    {
      requestId: record.requestId,
      method: req.method,
      path,
      operation: record.operation,
      status: res.statusCode,
      ms: Math.round(ms * 10) / 10,
      statements,
      outcome,
    },
    'request',
  );
}

export interface TrackingOptions {
  metrics: Metrics;
  lifecycle: Lifecycle;
  requestTimeoutMs: number;
  // true while the database pool cannot take one more waiting statement: new requests are shed at once
  saturated?: () => boolean;
}

// Mounted before every route except the health checks and /metrics: gives each request an id, a
// statement counter (res.locals.statements), a time limit, and writes its log line and metrics.
export function requestTracking({ metrics, lifecycle, requestTimeoutMs, saturated = () => false }: TrackingOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (lifecycle.shuttingDown) {
      // a new request on a connection kept alive from before the shutdown
      res.setHeader('connection', 'close');
      res.status(503).json(unavailableBody('The service is shutting down; try again shortly'));
      return;
    }
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = req.path; // without the query string
    const record: RequestRecord = { requestId, operation: null, graphql: path === '/graphql', codes: new Set(), finished: false };
    const statements = new StatementCount();
    res.locals.statements = statements;
    res.locals.requestId = requestId;
    const started = process.hrtime.bigint();
    lifecycle.inFlight.add(res);
    metrics.inFlight.inc();

    const timer = setTimeout(() => {
      if (res.headersSent) return;
      record.codes.add('SERVICE_UNAVAILABLE');
      res.setHeader('retry-after', '1');
      res.status(503).json(unavailableBody('The request took too long; try again shortly'));
      discardLateWrites(res);
    }, requestTimeoutMs);
    timer.unref();

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      record.finished = true;
      lifecycle.inFlight.delete(res);
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!record.graphql) record.operation = req.route?.path ? `${req.method} ${req.baseUrl}${req.route.path}` : null;
      for (const error of record.responseErrors?.() ?? []) {
        record.codes.add(typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
      }
      if (!res.writableFinished && !record.codes.size) record.codes.add('CLIENT_CLOSED_REQUEST');
      const codes = [...record.codes].sort();
      const outcome = codes.length ? codes.join(',') : res.statusCode < 400 ? 'ok' : `HTTP_${res.statusCode}`;
      const operation = record.graphql ? metrics.operationLabel(record.operation) : metrics.operationLabel(record.operation ?? 'unmatched');
      metrics.requests.inc({ operation, outcome: outcome === 'ok' ? 'ok' : 'error' });
      metrics.duration.observe({ operation }, seconds);
      metrics.statements.observe({ operation }, statements.statements);
      for (const code of codes) metrics.errors.inc({ code });
      logRequest(req, res, record, path, seconds * 1000, statements.statements, outcome);
    };
    res.on('finish', finish);
    res.on('close', finish);

    if (saturated()) {
      record.codes.add('SERVICE_UNAVAILABLE');
      res.setHeader('retry-after', '1');
      res.status(503).json(unavailableBody('The service is overloaded; try again shortly'));
      return;
    }
    // reads may go to a replica until the request turns out to be a mutation (src/ops/apollo-plugin.ts)
    runWithRecord(record, () => trackStatements(statements, () => withReadRouting(next)));
  };
}

// Last in the chain: an error no route handled (a malformed JSON body, a body over the size limit, a
// bug in a plain HTTP route) is answered in the GraphQL error shape, without message details or stack.
export function errorHandler(): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = Number((err as { status?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode);
    const clientError = status >= 400 && status < 500;
    const code = clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    currentRecord()?.codes.add(code);
    if (!clientError) logger.error({ requestId: res.locals.requestId, errorType: (err as Error)?.constructor?.name, stack: (err as Error)?.stack }, 'unhandled error in an HTTP route');
    res.status(clientError ? status : 500).json({ errors: [{ message: clientError ? 'The request could not be read' : 'Internal server error', extensions: { code } }] });
  };
}
