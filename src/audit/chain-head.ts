import { EntityManager } from 'typeorm';

// The chain head (audit_chain_head, one row): the last event's sequence number and hash. The database
// moves it, in the statement that inserts events, by a trigger; so does it write each event's person
// links (migrations/*/1796400000000-AuditAppendTriggers.ts). An append is then one INSERT.
export interface ChainHead {
  seq: number;
  hash: string;
}

export const APPEND_TRIGGERS = ['audit_event_moves_head', 'audit_event_links_persons'] as const;

// The schema an append relies on is not there (a migration not run, a trigger dropped): every append
// waiting fails at once, as when the database is down.
export class AuditSchemaError extends Error {}

const TRIGGERS_IN_PLACE = {
  mysql: "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'audit_event' AND TRIGGER_NAME IN (?, ?)",
  sqlite: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event' AND name IN (?, ?)",
};

const isSqlite = (em: EntityManager) => em.connection.options.type === 'better-sqlite3';

// The head as stored, read without a lock (a process's first append, and after a failed one), together
// with a check that the triggers are in place: without them an event would be stored without its
// person links and the head would stay behind, so the append is refused instead. One statement.
export async function readHead(em: EntityManager): Promise<ChainHead> {
  const triggers = TRIGGERS_IN_PLACE[isSqlite(em) ? 'sqlite' : 'mysql'];
  const rows: Array<{ seq: number | string; hash: string; triggers: number | string }> = await em.query(
    `SELECT h.seq AS seq, h.hash AS hash, (${triggers}) AS triggers FROM audit_chain_head h WHERE h.id = 1`,
    [...APPEND_TRIGGERS],
  );
  if (!rows.length) throw new AuditSchemaError('the audit chain head row is missing');
  if (Number(rows[0].triggers) !== APPEND_TRIGGERS.length) {
    throw new AuditSchemaError('the audit_event triggers that move the chain head and link persons are missing (run the migrations)');
  }
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

// The head under the lock every append takes (SELECT ... FOR UPDATE on MySQL; on SQLite the
// transaction, BEGIN IMMEDIATE, holds the write lock already): no other append can come in between.
export async function lockHead(em: EntityManager): Promise<ChainHead> {
  const rows: Array<{ seq: number | string; hash: string }> = await em.query(
    `SELECT h.seq AS seq, h.hash AS hash FROM audit_chain_head h WHERE h.id = 1${isSqlite(em) ? '' : ' FOR UPDATE'}`,
  );
  if (!rows.length) throw new AuditSchemaError('the audit chain head row is missing');
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

// A primary key taken: the events' sequence numbers were appended by another process first (or, when
// the head did not move, a row the insert would write exists already).
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown; driverError?: { code?: unknown; errno?: unknown } } | null;
  const codes = [e?.code, e?.driverError?.code].map(String);
  return codes.some((c) => c === 'ER_DUP_ENTRY' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY') || Number(e?.errno ?? e?.driverError?.errno) === 1062;
}
