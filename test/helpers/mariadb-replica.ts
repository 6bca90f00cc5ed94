import { ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection, createConnection } from 'mysql2/promise';
import { freePort, sleep } from './process';

// A throwaway MariaDB primary and a replica of it, as two real server processes on free ports with
// their own data directories under a temporary directory (the machine's own server is not touched).
// The primary writes a binary log; the replica follows it by GTID. stop() shuts both down and removes
// everything.

const INSTALL_DB = '/usr/bin/mariadb-install-db';
const MARIADBD = '/usr/sbin/mariadbd';
const run = promisify(execFile);

export function replicaBinariesPresent(): boolean {
  return existsSync(INSTALL_DB) && existsSync(MARIADBD);
}

export interface MariadbServer {
  name: 'primary' | 'replica';
  port: number;
  process: ChildProcess;
  // a mysql:// URL of `database` on this server, as the service takes it
  url(database: string): string;
  connect(): Promise<Connection>;
}

export interface ReplicaPair {
  dir: string;
  primary: MariadbServer;
  replica: MariadbServer;
  // resolves once the replica has applied everything the primary has written so far
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

// small servers: the data are a few rows
const SERVER_OPTIONS = ['--innodb-buffer-pool-size=16M', '--innodb-log-file-size=8M', '--skip-name-resolve', '--bind-address=127.0.0.1'];
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

async function startServer(name: 'primary' | 'replica', dir: string, serverId: number, extra: string[]): Promise<MariadbServer> {
  const port = await freePort();
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults', ...asRoot, `--datadir=${join(dir, name)}`, `--port=${port}`, `--socket=${join(dir, `${name}.sock`)}`,
      `--pid-file=${join(dir, `${name}.pid`)}`, `--log-error=${join(dir, `${name}.err`)}`, `--server-id=${serverId}`, ...SERVER_OPTIONS, ...extra,
    ],
    { stdio: 'ignore' },
  );
  const connect = () => createConnection({ host: '127.0.0.1', port, user: 'root', password: '', connectTimeout: 2000 });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd (${name}) exited with ${child.exitCode}; see ${join(dir, `${name}.err`)}`);
    const c = await connect().catch(() => null);
    if (c) {
      await c.end();
      break;
    }
    if (Date.now() > deadline) throw new Error(`mariadbd (${name}) did not answer within 20 s`);
    await sleep(100);
  }
  return { name, port, process: child, url: (database) => `mysql://root@127.0.0.1:${port}/${database}`, connect };
}

async function shutdown(server: MariadbServer | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  const c = await server.connect().catch(() => null);
  if (c) await c.query('SHUTDOWN').catch(() => undefined);
  else server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.process.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// Waits until `check` holds, polling.
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const dir = mkdtempSync(join(tmpdir(), 'jindu-replica-'));
  const started: MariadbServer[] = [];
  // a process that dies without stop() still takes its servers down
  const killAll = () => started.forEach((s) => s.process.kill('SIGKILL'));
  process.once('exit', killAll);
  try {
    // one fresh data directory, copied: MariaDB's replicas are told apart by --server-id alone
    await run(INSTALL_DB, [
      '--no-defaults', ...asRoot, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve',
      `--datadir=${join(dir, 'primary')}`, '--innodb-log-file-size=8M',
    ]);
    cpSync(join(dir, 'primary'), join(dir, 'replica'), { recursive: true });
    const [primary, replica] = await Promise.all([
      startServer('primary', dir, 1, [`--log-bin=${join(dir, 'primary', 'binlog')}`, '--binlog-format=ROW']),
      startServer('replica', dir, 2, ['--read-only']),
    ]);
    started.push(primary, replica);

    const r = await replica.connect();
    try {
      await r.query(
        `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1`,
      );
      await r.query('START SLAVE');
      await until(
        async () => {
          const [rows] = await r.query('SHOW SLAVE STATUS');
          const s = (rows as Array<Record<string, string>>)[0];
          return s?.Slave_IO_Running === 'Yes' && s?.Slave_SQL_Running === 'Yes';
        },
        15_000,
        'replication to run',
      );
    } finally {
      await r.end();
    }

    const caughtUp = async (timeoutMs = 15_000) => {
      const p = await primary.connect();
      const [[{ pos }]] = (await p.query('SELECT @@gtid_binlog_pos AS pos')) as unknown as [[{ pos: string }]];
      await p.end();
      if (!pos) return;
      const c = await replica.connect();
      try {
        // MASTER_GTID_WAIT: returns 0 once the replica has applied up to `pos`, -1 on timeout
        const [[{ waited }]] = (await c.query('SELECT MASTER_GTID_WAIT(?, ?) AS waited', [pos, timeoutMs / 1000])) as unknown as [[{ waited: number }]];
        if (Number(waited) !== 0) throw new Error(`replica did not reach ${pos} within ${timeoutMs} ms`);
      } finally {
        await c.end();
      }
    };

    const stop = async () => {
      await Promise.all([shutdown(replica), shutdown(primary)]);
      process.removeListener('exit', killAll);
      rmSync(dir, { recursive: true, force: true });
    };
    return { dir, primary, replica, caughtUp, stop };
  } catch (err) {
    await Promise.all(started.map((s) => shutdown(s)));
    process.removeListener('exit', killAll);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

// Statements a server received from clients other than `exclude` (our own observer connection),
// as recorded by its general log (log_output=TABLE), oldest first.
export async function generalLog(c: Connection): Promise<string[]> {
  const [rows] = await c.query(
    `SELECT CONVERT(argument USING utf8mb4) AS sql_text FROM mysql.general_log
     WHERE command_type IN ('Query', 'Execute') AND thread_id <> CONNECTION_ID() AND user_host LIKE 'root%'
     ORDER BY event_time`,
  );
  return (rows as Array<{ sql_text: string }>).map((r) => r.sql_text);
}

// Starts recording every statement anew (the log table is emptied, never replicated).
export async function startGeneralLog(c: Connection): Promise<void> {
  await c.query('SET SESSION sql_log_bin = 0');
  await c.query("SET GLOBAL log_output = 'TABLE'");
  await c.query('SET GLOBAL general_log = 1');
  await c.query('TRUNCATE mysql.general_log');
}
