import { freePort, runToExit } from './helpers/process';

// A wrong configuration ends the process at once: exit code 1 and one clear line naming the variable.
describe('configuration is validated once at start', () => {
  const cases: Array<[string, Record<string, string | undefined>, RegExp]> = [
    ['a database URL of another kind', { DATABASE_URL: 'postgres://x' }, /^DATABASE_URL: must start with mysql:\/\/ or sqlite:$/],
    ['a port that is not a number', { PORT: 'abc' }, /^PORT: must be an integer 0\.\.65535$/],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, /^NODE_ENV: must be development, production or test$/],
    ['production without a secret of its own', { NODE_ENV: 'production', AUTH_JWT_SECRET: undefined }, /^AUTH_JWT_SECRET: set a secret of your own/],
    ['an empty pool', { DB_POOL_SIZE: '0' }, /^DB_POOL_SIZE: must be an integer 1\.\.1000$/],
    ['an unbounded queue', { DB_QUEUE_LIMIT: '0' }, /^DB_QUEUE_LIMIT: must be an integer 1\.\.100000$/],
    ['a time limit that is not a number', { REQUEST_TIMEOUT_MS: '15s' }, /^REQUEST_TIMEOUT_MS: must be an integer 100\.\.600000$/],
    ['a negative shutdown timeout', { SHUTDOWN_TIMEOUT_MS: '-1' }, /^SHUTDOWN_TIMEOUT_MS: must be an integer 0\.\.600000$/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent$/],
    ['a compiled-execution switch that is neither true nor false', { COMPILED_EXECUTION: 'yes' }, /^COMPILED_EXECUTION: must be true or false$/],
    ['read replicas behind SQLite', { DATABASE_REPLICA_URLS: 'mysql://root@127.0.0.1:3306/x' }, /^DATABASE_REPLICA_URLS: read replicas need a mysql:\/\/ DATABASE_URL \(not SQLite\)$/],
    [
      'a replica URL that is not one',
      { DATABASE_URL: 'mysql://root@127.0.0.1:1/x', DATABASE_REPLICA_URLS: 'mysql://root@127.0.0.1:2/x, sqlite:data/r.sqlite' },
      /^DATABASE_REPLICA_URLS: entry 2 must be a mysql:\/\/ URL$/,
    ],
    [
      'a replica URL without a database',
      { DATABASE_URL: 'mysql://root@127.0.0.1:1/x', DATABASE_REPLICA_URLS: 'mysql://root@127.0.0.1:2' },
      /^DATABASE_REPLICA_URLS: entry 1 is not a valid mysql:\/\/ URL with a host and a database name$/,
    ],
  ];

  it.each(cases)('%s: exit 1 and one line', async (_label, env, message) => {
    // PORT is set by the helper; the PORT case overrides it
    const result = await runToExit({ DATABASE_URL: 'sqlite::memory:', ...env });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('a database that never answers: retried with backoff, then exit 1 and one line', async () => {
    const closedPort = await freePort();
    const started = Date.now();
    const result = await runToExit({ DATABASE_URL: `mysql://root@127.0.0.1:${closedPort}/nothing`, DB_STARTUP_TIMEOUT_MS: '1500', LOG_LEVEL: 'warn' });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^start-up failed: .*ECONNREFUSED/)]);
    const retries = result.stdout.split('\n').filter((l) => l.includes('database not reachable yet'));
    expect(retries.length).toBeGreaterThanOrEqual(2);
  });
});
