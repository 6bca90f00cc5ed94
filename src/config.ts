// Environment parsed and validated once at start; nothing else reads process.env.
import { AuditConfig } from './audit/audit-config';
import { loadAuditKey } from './audit/audit-key';
import { AuthConfig, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET } from './policy/tokens';
import { estimatedEntropyBits, MIN_SECRET_ENTROPY_BITS } from './common/secret-strength';
import { isSubgraphName, SUBGRAPH_NAMES, SubgraphName } from './subgraph-split';
import { parseCorsOrigins } from './common/cors';
import { ConfigError } from './common/config-error';

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; flavor: 'mysql' | 'mariadb'; replicaUrls?: string[] };

export const DEFAULT_DATABASE_URL = 'sqlite:data/dev.sqlite';

export { ConfigError };

export function parseDatabaseUrl(raw: string): DatabaseTarget {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (!path) throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/dev.sqlite');
    return { kind: 'sqlite', path };
  }
  if (/^(mysql|mariadb):\/\//.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL: not a valid mysql:// URL');
    }
    if (!url.hostname || url.pathname.length < 2) {
      throw new ConfigError('DATABASE_URL: mysql:// URL needs a host and a database name');
    }
    // MariaDB reports its catalogue differently; the scheme or a probe of the server (see
    // src/database.ts) tells TypeORM which dialect it talks to.
    const flavor = raw.startsWith('mariadb:') ? 'mariadb' : 'mysql';
    return { kind: 'mysql', url: raw.replace(/^mariadb:/, 'mysql:'), flavor };
  }
  throw new ConfigError('DATABASE_URL: must start with mysql:// or sqlite:');
}

// DATABASE_REPLICA_URLS: comma-separated mysql:// URLs of read replicas of the DATABASE_URL server
// (docs/READ-REPLICAS.md). Plain reads go to them; writes, the audit trail and fresh reads stay on the primary.
export function withReplicas(primary: DatabaseTarget, raw: string | undefined): DatabaseTarget {
  const parts = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return primary;
  if (primary.kind !== 'mysql') throw new ConfigError('DATABASE_REPLICA_URLS: read replicas need a mysql:// DATABASE_URL (not SQLite)');
  const replicaUrls = parts.map((part, i) => {
    let parsed: DatabaseTarget;
    try {
      parsed = parseDatabaseUrl(part);
    } catch {
      throw new ConfigError(`DATABASE_REPLICA_URLS: entry ${i + 1} is not a valid mysql:// URL with a host and a database name`);
    }
    if (parsed.kind !== 'mysql') throw new ConfigError(`DATABASE_REPLICA_URLS: entry ${i + 1} must be a mysql:// URL`);
    return parsed.url;
  });
  if (replicaUrls.includes(primary.url)) throw new ConfigError('DATABASE_REPLICA_URLS: a replica URL equals DATABASE_URL');
  return { ...primary, replicaUrls };
}

export interface Config {
  database: DatabaseTarget;
  port: number;
  // HOST: the interface to listen on; development defaults to loopback only
  host: string;
  production: boolean;
  auth: AuthConfig;
  ops: OpsConfig;
  // SUBGRAPH: serve one department's Apollo Federation subgraph instead of the single schema
  subgraph: SubgraphName | null;
  // the audit chain's key and its signed checkpoints outside the database (src/audit, docs/AUDIT.md)
  audit: AuditConfig;
  // CORS_ORIGINS: browser origins allowed to call the service (src/common/cors.ts)
  corsOrigins: string[];
  // EXPLORER_ENABLED: the explorer at GET /graphql; on in development, off in production unless true
  explorer: boolean;
  // COMPILED_EXECUTION: queries run compiled by graphql-jit (src/common/compiled-execution.ts); default true
  compiledExecution: boolean;
}

// Limits and timeouts of the running service (docs/CONFIGURATION.md, "Limits and timeouts").
export interface OpsConfig {
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
  requestTimeoutMs: number;
  dbPoolSize: number;
  dbQueueLimit: number;
  dbStatementTimeoutMs: number;
  dbStartupTimeoutMs: number;
  // per-subject quotas (docs/SECURITY.md)
  subjectMaxInFlight: number;
  subjectMaxHeavyInFlight: number;
  subjectRatePerMinute: number;
  subjectBurst: number;
  // METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`
  metricsToken: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) throw new ConfigError(`${name}: must be an integer ${min}..${max}`);
  return value;
}

function loadOps(env: NodeJS.ProcessEnv, nodeEnv: string): OpsConfig {
  const logLevel = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    logLevel,
    shutdownTimeoutMs: intVar(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    requestTimeoutMs: intVar(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
    dbPoolSize: intVar(env, 'DB_POOL_SIZE', 10, 1, 1000),
    dbQueueLimit: intVar(env, 'DB_QUEUE_LIMIT', 500, 1, 100_000), // statements, not requests: a profile issues ~20
    dbStatementTimeoutMs: intVar(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    dbStartupTimeoutMs: intVar(env, 'DB_STARTUP_TIMEOUT_MS', 60_000, 0, 3_600_000),
    subjectMaxInFlight: intVar(env, 'SUBJECT_MAX_IN_FLIGHT', 2, 1, 1000),
    subjectRatePerMinute: intVar(env, 'SUBJECT_RATE_PER_MINUTE', 3000, 1, 1_000_000),
    subjectBurst: intVar(env, 'SUBJECT_BURST', 1000, 1, 1_000_000),
    subjectMaxHeavyInFlight: intVar(env, 'SUBJECT_MAX_HEAVY_IN_FLIGHT', 1, 1, 1000),
    metricsToken: loadMetricsToken(env),
  };
}

function loadMetricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN || null;
  if (token && (token.length < 16 || !/^[A-Za-z0-9._~+/=-]+$/.test(token))) throw new ConfigError('METRICS_TOKEN: at least 16 characters of A-Z a-z 0-9 . _ ~ + / = -');
  return token;
}

function loadAuth(env: NodeJS.ProcessEnv, production: boolean): AuthConfig {
  const jwksUrl = env.AUTH_JWKS_URL || null;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError('AUTH_JWKS_URL: must be an http(s) URL');
  const jwtSecret = env.AUTH_JWT_SECRET || DEV_JWT_SECRET;
  if (production && !jwksUrl && jwtSecret === DEV_JWT_SECRET) {
    throw new ConfigError('AUTH_JWT_SECRET: set a secret of your own (or AUTH_JWKS_URL) when NODE_ENV=production');
  }
  if (!jwksUrl && jwtSecret.length < 32) throw new ConfigError('AUTH_JWT_SECRET: must be at least 32 characters');
  // 40 spaces or one repeated character are 32 characters too
  if (production && !jwksUrl && estimatedEntropyBits(jwtSecret) < MIN_SECRET_ENTROPY_BITS) {
    throw new ConfigError(`AUTH_JWT_SECRET: too predictable (repeated or few distinct characters); use a random one, e.g. openssl rand -base64 48`);
  }
  return { jwtSecret, jwksUrl, issuer: env.AUTH_ISSUER || DEFAULT_ISSUER, audience: env.AUTH_AUDIENCE || DEFAULT_AUDIENCE };
}

function loadSubgraph(env: NodeJS.ProcessEnv): SubgraphName | null {
  const raw = env.SUBGRAPH;
  if (raw === undefined || raw === '') return null;
  if (!isSubgraphName(raw)) throw new ConfigError(`SUBGRAPH: must be one of ${SUBGRAPH_NAMES.join(', ')}`);
  return raw;
}

export type { AuditConfig };

// AUDIT_HMAC_KEY / AUDIT_KEY_FILE: the chain's key; AUDIT_CHECKPOINT_FILE: where signed checkpoints are
// appended (default: next to an SQLite database file; required in production);
// AUDIT_CHECKPOINT_EVERY: events between checkpoints (default 100); AUDIT_CHECKPOINT_SECONDS: at most
// this long between an event and a checkpoint that covers it (default 60; 0: only by count).
function loadAudit(env: NodeJS.ProcessEnv, production: boolean, database: DatabaseTarget): AuditConfig {
  let key: Buffer;
  try {
    key = loadAuditKey(env, production);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const beside = database.kind === 'sqlite' && database.path !== ':memory:' ? `${database.path}.audit-checkpoints` : null;
  const checkpointFile = env.AUDIT_CHECKPOINT_FILE || beside;
  if (production && !env.AUDIT_CHECKPOINT_FILE) throw new ConfigError('AUDIT_CHECKPOINT_FILE is required in production (signed checkpoints of the audit chain, outside the database)');
  return {
    key,
    checkpointFile,
    checkpointEvery: intVar(env, 'AUDIT_CHECKPOINT_EVERY', 100, 1, 1_000_000),
    checkpointSeconds: intVar(env, 'AUDIT_CHECKPOINT_SECONDS', 60, 0, 86_400),
  };
}

function loadExplorer(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const raw = env.EXPLORER_ENABLED;
  if (raw === undefined || raw === '') return !production;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError('EXPLORER_ENABLED: must be true or false');
  return raw === 'true';
}

function loadCompiledExecution(env: NodeJS.ProcessEnv): boolean {
  const raw = env.COMPILED_EXECUTION;
  if (raw === undefined || raw === '') return true;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError('COMPILED_EXECUTION: must be true or false');
  return raw === 'true';
}

function loadCorsOrigins(env: NodeJS.ProcessEnv): string[] {
  try {
    return parseCorsOrigins(env.CORS_ORIGINS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

function loadPort(env: NodeJS.ProcessEnv): number {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT: must be an integer 0..65535');
  return port;
}

// Development listens on loopback only; production (a container) on every interface unless HOST says otherwise.
function loadHost(env: NodeJS.ProcessEnv, production: boolean): string {
  const host = env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1');
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError('HOST: an interface address or host name, e.g. 127.0.0.1 or 0.0.0.0');
  return host;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

function loadNodeEnv(env: NodeJS.ProcessEnv): string {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV: must be development, production or test');
  }
  return nodeEnv;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = loadPort(env);
  const nodeEnv = loadNodeEnv(env);
  const production = nodeEnv === 'production';
  const database = withReplicas(parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL), env.DATABASE_REPLICA_URLS);
  return {
    database,
    port,
    host: loadHost(env, production),
    production,
    auth: loadAuth(env, production),
    ops: loadOps(env, nodeEnv),
    subgraph: loadSubgraph(env),
    audit: loadAudit(env, production, database),
    corsOrigins: loadCorsOrigins(env),
    explorer: loadExplorer(env, production),
    compiledExecution: loadCompiledExecution(env),
  };
}

// The federation gateway (src/federation/gateway.ts): PORT, NODE_ENV, LOG_LEVEL and
// SUBGRAPH_URLS="public-security=http://...,justice=http://...,employment=http://...".
export interface GatewayConfig {
  port: number;
  production: boolean;
  logLevel: LogLevel;
  subgraphUrls: Record<SubgraphName, string>;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  // no database and no token secret: the subgraphs authenticate
  const port = loadPort(env);
  const nodeEnv = loadNodeEnv(env);
  const ops = loadOps(env, nodeEnv);
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const [index, part] of (env.SUBGRAPH_URLS ?? '').split(',').filter((p) => p.trim()).entries()) {
    const [name, url, ...rest] = part.split('=').map((p) => p.trim());
    if (!isSubgraphName(name) || rest.length || !/^https?:\/\/\S+$/.test(url ?? '')) throw new ConfigError(`SUBGRAPH_URLS: entry ${index + 1} ("${name ?? ''}=...") is not NAME=http(s)://URL`); // the URL is not echoed: it may carry credentials
    urls[name] = url;
  }
  const missing = SUBGRAPH_NAMES.filter((name) => !urls[name]);
  if (missing.length) throw new ConfigError(`SUBGRAPH_URLS: missing ${missing.join(', ')}`);
  return { port, production: nodeEnv === 'production', logLevel: ops.logLevel, subgraphUrls: urls as Record<SubgraphName, string> };
}
