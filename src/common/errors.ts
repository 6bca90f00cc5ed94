import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

// Error codes of the public contract (docs/API.md, docs/ERROR-CODES.md); every error a client sees carries one.
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function domainError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function badInput(message: string, argument?: string, rule?: string): GraphQLError {
  return domainError('BAD_USER_INPUT', message, { ...(argument ? { argument } : {}), ...(rule ? { rule } : {}) });
}

// Codes Apollo and graphql-js produce themselves for malformed operations; these are safe to pass on.
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
const DOMAIN_CODES = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

// A code a client may see as it was raised (the federation gateway passes its subgraphs' on).
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && (DOMAIN_CODES.has(code) || CLIENT_CODES.has(code) || code === 'INTERNAL_SERVER_ERROR');
}

// In production, validation errors do not suggest field names ("Did you mean ...?").
export function createFormatError({ production }: { production: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = formatError(formatted, error);
    return production ? { ...out, message: out.message.replace(/ ?Did you mean .*\?$/, '') } : out;
  };
}

// Database and programming errors never reach a client: only errors we raised on purpose keep their message.
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Apollo reports validation-rule errors as GRAPHQL_VALIDATION_FAILED; the query-limit rules mean QUERY_TOO_COMPLEX
  const inner = (error as GraphQLError | undefined)?.originalError;
  if (inner instanceof GraphQLError && inner.extensions?.code === 'QUERY_TOO_COMPLEX') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  // a literal a scalar refused (an ID that is not a positive integer, src/common/ids.ts)
  // (only for validation errors: a resolver's BAD_USER_INPUT keeps its path and extensions below)
  if (inner instanceof GraphQLError && inner.extensions?.code === 'BAD_USER_INPUT' && formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
    const { rule } = inner.extensions;
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', ...(rule ? { rule } : {}) } };
  }
  if (/Document contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  const code = formatted.extensions?.code as string | undefined;
  const raisedOnPurpose = original instanceof GraphQLError && code && (DOMAIN_CODES.has(code) || CLIENT_CODES.has(code));
  if (raisedOnPurpose) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isUnavailable(original)) {
    return { message: 'The database is unavailable; try again shortly', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

// The connection to the database failed (down, unreachable, restarting, refusing connections): the
// read-replica routing goes around such a server, never around a merely busy one.
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_SERVER_SHUTDOWN', 'ER_CON_COUNT_ERROR', 'ER_TOO_MANY_USER_CONNECTIONS',
  // mysql2's pool cluster (read replicas): every server of the kind asked for is left out for now
  'POOL_NONEONLINE',
]);

export function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  return CONNECTION_FAILURES.has(String(e?.code)) || CONNECTION_FAILURES.has(String(e?.driverError?.code));
}

// The database is unreachable, overloaded or took too long: the client may retry, the service itself is fine.
const UNAVAILABLE = new Set([
  ...CONNECTION_FAILURES,
  'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_QUERY_TIMEOUT', 'ER_QUERY_INTERRUPTED', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'POOL_NOEXIST',
]);
// MariaDB's max_statement_time (1969) has no name in mysql2's table; MySQL's max_execution_time is 3024.
const UNAVAILABLE_ERRNO = new Set([1969, 3024]);
const UNAVAILABLE_MESSAGE = /Queue limit reached|Pool is closed|connection is in closed state|Connection lost|max_statement_time exceeded/i;

export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown; message?: unknown; driverError?: { code?: unknown; errno?: unknown } } | null;
  return (
    UNAVAILABLE.has(String(e?.code)) ||
    UNAVAILABLE.has(String(e?.driverError?.code)) ||
    UNAVAILABLE_ERRNO.has(Number(e?.errno)) ||
    UNAVAILABLE_ERRNO.has(Number(e?.driverError?.errno)) ||
    UNAVAILABLE_MESSAGE.test(String(e?.message))
  );
}

// A refusal by the access policy: HTTP 403 with extensions.code FORBIDDEN.
export function forbidden(message: string): GraphQLError {
  return domainError('FORBIDDEN', message);
}
