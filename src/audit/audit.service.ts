import { AsyncResource } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { maskIdNumber } from '../common/id-number';
import { Viewer } from '../policy/viewer';
import { domainError, isUnavailable } from '../common/errors';
import { inAutocommit, inTransaction } from '../common/transactions';
import { logger } from '../common/logger';
import { AuditEvent, AuditOutcome } from './audit-event.entity';
import { auditKeyId, auditMac, LEGACY_KEY_ID } from './audit-key';
import { AuditSchemaError, ChainHead, isDuplicateKey, lockHead, readHead } from './chain-head';
import { noteCommitted } from './checkpoints';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  viewer: Viewer;
  operationName: string | null;
  document: string;
  variables: Record<string, unknown> | undefined;
  personIds: Iterable<number>;
  outcome: AuditOutcome;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// The canonical form that is hashed: a fixed-order JSON array of every stored field but the hash.
export function canonical(e: Omit<AuditEvent, 'hash'>): string {
  return JSON.stringify([
    e.seq, e.occurredAt, e.subjectSub, e.subjectRole, e.subjectDistrict, e.operationName, e.documentHash,
    e.variables, e.purpose, e.outcome, e.personCount, e.personIds, e.prevHash,
  ]);
}

// Events written since the chain was keyed: HMAC with the key outside the database, over the key's
// id, the previous hash and the canonical form (which holds the person ids the event links). Events
// written before ('sha256'): plain SHA-256 as they were written.
export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  if (e.keyId === LEGACY_KEY_ID) return sha256(`${e.prevHash}\n${canonical(e)}`);
  return auditMac(`${e.keyId}\n${e.prevHash}\n${canonical(e)}`);
}

// 15-digit legacy and 18-character numbers, wherever they stand in a string
const ID_LIKE = /(?<![\dXx])(\d{15}|\d{17}[\dXx])(?![\dXx])/g;
const NAME_KEYS = /name/i;

// Variables as stored in the audit trail: ID numbers keep 6 leading and 4 trailing characters,
// names keep the surname only.
export function maskVariables(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (NAME_KEYS.test(key)) return value ? `${[...value.trim()][0] ?? ''}*` : value;
    const masked = value.replace(ID_LIKE, (id) => maskIdNumber(id.toUpperCase()));
    return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
  }
  if (Array.isArray(value)) return value.map((v) => maskVariables(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskVariables(v, k)]));
  }
  return value;
}

// Group commit. Appends in this process queue up; one commit at a time appends every event waiting at
// that moment, in arrival order: the first append of a quiet moment is written at once and alone, and
// under load one commit serves all the requests that arrived meanwhile instead of each waiting for its
// own. Every caller still waits for the commit that holds its event (no answer before its audit event
// is stored).
//
// A commit is one INSERT of the events, in autocommit, with the sequence numbers after the head this
// process knows and each event's previous hash chained on: the events' primary key is the guard. The
// statement is atomic, and inside it the database moves the chain head and writes the person links
// (triggers: src/audit/chain-head.ts), so that an event is never stored without them. When another
// process appended meanwhile, the insert fails on the key and writes nothing; the events are then
// chained after the head read under its lock, in one transaction (one INSERT more, and BEGIN, the
// locked read, COMMIT). Several processes sharing the database keep one chain: no fork (a sequence
// number is taken once), no gap (a process appends after a head that exists).
export const MAX_EVENTS_PER_COMMIT = 200;
// Appends waiting beyond this (the database is slow or down) are refused at once: their requests answer
// SERVICE_UNAVAILABLE instead of queueing without bound.
export const MAX_WAITING_APPENDS = 5_000;

interface Pending {
  input: AuditInput;
  // the caller's async context: the commit this event leads runs in it, so that its statements are
  // counted for the request that waits first (not for whichever request started the queue)
  scope: AsyncResource;
  resolve: (event: AuditEvent) => void;
  reject: (err: unknown) => void;
}

interface AppendQueue {
  waiting: Pending[];
  flushing: boolean;
  // the chain head as this process last committed it (null: not known, read it first)
  head: ChainHead | null;
}

const queues = new WeakMap<DataSource, AppendQueue>();

export function appendAuditEvent(ds: DataSource, input: AuditInput): Promise<AuditEvent> {
  let queue = queues.get(ds);
  if (!queue) queues.set(ds, (queue = { waiting: [], flushing: false, head: null }));
  const q = queue;
  if (q.waiting.length >= MAX_WAITING_APPENDS) return Promise.reject(domainError('SERVICE_UNAVAILABLE', 'Too many audit events are waiting to be written'));
  return new Promise<AuditEvent>((resolve, reject) => {
    q.waiting.push({ input, scope: new AsyncResource('jindu.audit-append'), resolve, reject });
    if (!q.flushing) void flush(ds, q);
  });
}

async function flush(ds: DataSource, q: AppendQueue): Promise<void> {
  q.flushing = true;
  try {
    while (q.waiting.length) await commitBatch(ds, q, q.waiting.splice(0, MAX_EVENTS_PER_COMMIT));
  } finally {
    q.flushing = false;
  }
}

// A batch that fails because of its data is split in halves, each committed in turn (arrival order
// kept): a bad event costs a few more commits, not one per event, and fails only its own request.
// When the database itself is unavailable (down, too slow, locked) or its audit schema is not in
// place, retrying event by event would only keep callers waiting: the batch and everything queued
// behind it fail at once.
async function commitBatch(ds: DataSource, q: AppendQueue, batch: Pending[]): Promise<void> {
  try {
    const events = await batch[0].scope.runInAsyncScope(() => appendEvents(ds, q.head, batch.map((b) => b.input)));
    const last = events[events.length - 1];
    q.head = { seq: last.seq, hash: last.hash };
    batch.forEach((b, i) => b.resolve(events[i]));
    // after the callers were answered: a signed checkpoint outside the database when one is due
    setImmediate(() => {
      try {
        noteCommitted(events.length, last);
      } catch (err) {
        logger.error({ err: { message: (err as Error).message } }, 'audit checkpoint could not be written');
      }
    });
  } catch (err) {
    q.head = null;
    if (err instanceof AuditSchemaError) logger.error({ err: { message: err.message } }, 'audit events cannot be appended');
    if (isUnavailable(err) || err instanceof AuditSchemaError) {
      for (const b of [...batch, ...q.waiting.splice(0)]) b.reject(err);
      return;
    }
    if (batch.length === 1) return batch[0].reject(err);
    const half = Math.ceil(batch.length / 2);
    await commitBatch(ds, q, batch.slice(0, half));
    await commitBatch(ds, q, batch.slice(half));
  }
}

// The events after `known` (read first when not known): one INSERT. When another process appended
// since, the insert fails on the primary key and writes nothing, and the events are chained after the
// head read under its lock instead (BEGIN, locked read, INSERT, COMMIT); a head that did not move means
// the failure was not another append: it is the batch's own.
async function appendEvents(ds: DataSource, known: ChainHead | null, inputs: AuditInput[]): Promise<AuditEvent[]> {
  const after = known ?? (await readHead(ds.manager));
  const events = chainAfter(after, inputs);
  try {
    await inAutocommit(ds, (em) => insertEvents(em, events));
    return events;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // SQLite shared by several processes (federation's subgraphs): the transaction takes the write
    // lock first, as a read-then-write transaction would fail with "database is locked" when another
    // process appended in between
    return inTransaction(
      ds,
      async (em) => {
        const head = await lockHead(em);
        if (head.seq === after.seq && head.hash === after.hash) throw err;
        const chained = chainAfter(head, inputs);
        await insertEvents(em, chained);
        return chained;
      },
      { immediate: true },
    );
  }
}

// The events are complete (every column set by eventFor, no default to read back): one INSERT whose
// text is built once per data source, its values bound in column order.
const insertShapes = new WeakMap<DataSource, { head: string; row: string; properties: Array<keyof AuditEvent> }>();

async function insertEvents(em: EntityManager, events: AuditEvent[]): Promise<void> {
  let shape = insertShapes.get(em.connection);
  if (!shape) {
    const metadata = em.connection.getMetadata(AuditEvent);
    const q = (name: string) => em.connection.driver.escape(name);
    const columns = metadata.columns;
    shape = {
      head: `INSERT INTO ${q(metadata.tableName)} (${columns.map((c) => q(c.databaseName)).join(', ')}) VALUES `,
      row: `(${columns.map(() => '?').join(', ')})`,
      properties: columns.map((c) => c.propertyName as keyof AuditEvent),
    };
    insertShapes.set(em.connection, shape);
  }
  const { head, row, properties } = shape;
  const values: unknown[] = [];
  for (const event of events) for (const p of properties) values.push(event[p]);
  await em.query(`${head}${events.map(() => row).join(', ')}`, values);
}

function eventFor(input: AuditInput, seq: number, prevHash: string): AuditEvent {
  const ids = [...new Set(input.personIds)].sort((a, b) => a - b);
  const partial: Omit<AuditEvent, 'hash'> = {
    seq,
    occurredAt: new Date().toISOString(),
    subjectSub: input.viewer.sub.slice(0, 100),
    subjectRole: input.viewer.role,
    subjectDistrict: input.viewer.district,
    operationName: input.operationName?.slice(0, 100) ?? null,
    documentHash: sha256(input.document),
    variables: JSON.stringify(maskVariables(input.variables ?? {})),
    purpose: input.viewer.purpose,
    outcome: input.outcome,
    personCount: ids.length,
    // the person links (audit_event_person) are written from this list by the database
    personIds: ids.join(','),
    prevHash,
    keyId: auditKeyId(),
  };
  return { ...partial, hash: eventHash(partial) };
}

function chainAfter(head: ChainHead, inputs: AuditInput[]): AuditEvent[] {
  let prevHash = head.hash;
  return inputs.map((input, i) => {
    const event = eventFor(input, head.seq + 1 + i, prevHash);
    prevHash = event.hash;
    return event;
  });
}

export { verifyAuditChain } from './chain-verify';
