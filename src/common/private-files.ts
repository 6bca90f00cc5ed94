import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

// The embedded database holds personal data: its file, its -wal and -shm files (SQLite gives them the
// database file's mode) and the directory it creates for them are readable by the owner only.
export function prepareSqliteFile(path: string): void {
  if (!path || path === ':memory:' || path.startsWith('file:')) return;
  const file = resolve(path);
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  else if (dir !== process.cwd() && (statSync(dir).mode & 0o077) !== 0 && isOnlyForDatabases(dir)) chmodSync(dir, OWNER_ONLY_DIR);
  // created before SQLite opens it, so that it never exists with the process umask's mode
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  restrictSqliteFiles(file);
}

// After SQLite has opened the database (it may have created -wal and -shm from an older file's mode).
export function restrictSqliteFiles(path: string): void {
  if (!path || path === ':memory:' || path.startsWith('file:')) return;
  const file = resolve(path);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) chmodSync(f, OWNER_ONLY_FILE);
}

// Only a directory that holds nothing but SQLite files is tightened (never a home or a project root).
function isOnlyForDatabases(dir: string): boolean {
  return readdirSync(dir).every((name) => /\.(sqlite|sqlite3|db)(-wal|-shm|-journal)?$/.test(name) || name === '.gitkeep');
}
