import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolStats } from './database';

// One registry per createServer() call: tests start many services in one process.
export interface Metrics {
  registry: Registry;
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation'>;
  statements: Histogram<'operation'>;
  errors: Counter<'code'>;
  inFlight: Gauge;
  executions: Counter<'executor'>;
  operationLabel(name: string | null | undefined): string;
}

// Operation names come from clients: keep the label set bounded.
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createMetrics(ds: DataSource, options: { nodeMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.nodeMetrics) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'jindu_requests_total',
    help: 'Requests answered, by GraphQL operation name (or HTTP route) and outcome (ok or error)',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'jindu_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers,
  });
  const statements = new Histogram({
    name: 'jindu_sql_statements_per_request',
    help: 'SQL statements issued while answering one request',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 5, 10, 15, 20, 30, 50, 100, 200],
    registers,
  });
  const errors = new Counter({
    name: 'jindu_errors_total',
    help: 'Responses carrying at least one error with this extensions.code',
    labelNames: ['code'] as const,
    registers,
  });
  const inFlight = new Gauge({ name: 'jindu_requests_in_flight', help: 'Requests being answered now (health checks and metrics excluded)', registers });
  const executions = new Counter({
    name: 'jindu_graphql_executions_total',
    help: 'GraphQL operations executed, by executor: compiled (graphql-jit) or graphql-js (mutations, refused variables, documents that do not compile, COMPILED_EXECUTION=false)',
    labelNames: ['executor'] as const,
    registers,
  });

  new Gauge({
    name: 'jindu_db_pool_connections_in_use',
    help: 'Database connections lent out of the pool (SQLite: 1)',
    registers,
    collect() {
      this.set(poolStats(ds).inUse);
    },
  });
  new Gauge({
    name: 'jindu_db_pool_requests_waiting',
    help: 'Statements waiting for a database connection (SQLite: 0)',
    registers,
    collect() {
      this.set(poolStats(ds).waiting);
    },
  });
  new Gauge({
    name: 'jindu_db_pool_connections_open',
    help: 'Database connections open, busy or idle',
    registers,
    collect() {
      this.set(poolStats(ds).open);
    },
  });
  new Gauge({
    name: 'jindu_db_pool_connections_max',
    help: 'Pool size limit (DB_POOL_SIZE; with read replicas one pool per server, summed)',
    registers,
    collect() {
      this.set(poolStats(ds).max);
    },
  });

  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name) && !name.startsWith('/') && !/^[A-Z]+ \//.test(name)) return 'invalid';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(name);
    return name;
  };

  return { registry, requests, duration, statements, errors, inFlight, executions, operationLabel };
}
