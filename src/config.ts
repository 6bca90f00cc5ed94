// Environment parsed and validated once at start; nothing else reads process.env.

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; flavor: 'mysql' | 'mariadb' };

export const DEFAULT_DATABASE_URL = 'sqlite:data/dev.sqlite';

export class ConfigError extends Error {}

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

export interface Config {
  database: DatabaseTarget;
  port: number;
  production: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('PORT: must be an integer 0..65535');
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV: must be development, production or test');
  }
  return {
    database: parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    port,
    production: nodeEnv === 'production',
  };
}
