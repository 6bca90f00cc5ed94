import { AsyncResource } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { maskIdNumber } from '../common/id-number';
import { Viewer } from '../policy/viewer';
import { domainError, isUnavailable } from '../common/errors';
import { inTransaction } from '../common/transactions';
import { logger } from '../common/logger';
import { AuditChainHead, AuditEvent, AuditEventPerson, AuditOutcome } from './audit-event.entity';
import { auditKeyId, auditMac, LEGACY_KEY_ID } from './audit-key';
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

// Group commit. Appends in this process queue up; one transaction at a time takes the locked chain
// head and appends every event waiting at that moment, in arrival order, then commits: the first
// append of a quiet moment is written at once and alone, and under load the round trips of one
// transaction (lock, insert events, insert persons, move the head, commit) are shared by all the
// requests that arrived meanwhile instead of each waiting for its own turn on the lock. Every caller
// still waits for the commit that holds its event (no answer before its audit event is stored).
// Across processes the locked head row (SELECT ... FOR UPDATE on MySQL; SQLite has one writer)
// keeps one chain.
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
  // the chain head as this process last committed it (null: not known, read it under a lock)
  head: ChainHead | null;
  // another instance moved the head under this one: until then, read it under a lock at once rather
  // than try the conditional move first (which would cost a statement for nothing each time)
  lockedReadsUntil: number;
}

// How long an instance that found the head moved by another one reads it under a lock first.
export const CONTENDED_HEAD_MS = 10_000;

interface ChainHead {
  seq: number;
  hash: string;
}

const queues = new WeakMap<DataSource, AppendQueue>();

export function appendAuditEvent(ds: DataSource, input: AuditInput): Promise<AuditEvent> {
  let queue = queues.get(ds);
  if (!queue) queues.set(ds, (queue = { waiting: [], flushing: false, head: null, lockedReadsUntil: 0 }));
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
// kept): a bad event costs a few more transactions, not one per event, and fails only its own request.
// When the database itself is unavailable (down, too slow, locked), retrying event by event would only
// keep callers waiting: the batch and everything queued behind it fail at once.
async function commitBatch(ds: DataSource, q: AppendQueue, batch: Pending[]): Promise<void> {
  try {
    // SQLite shared by several processes (federation's subgraphs): the transaction takes the write lock
    // first (waiting for it), as a read-then-write transaction would fail with "database is locked"
    // when another process appended in between
    const events = await batch[0].scope.runInAsyncScope(() =>
      inTransaction(ds, (em) => appendInTransaction(em, batch.map((b) => b.input), Date.now() < q.lockedReadsUntil ? null : q.head, q), { immediate: true }),
    );
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
    if (isUnavailable(err)) {
      for (const b of [...batch, ...q.waiting.splice(0)]) b.reject(err);
      return;
    }
    if (batch.length === 1) return batch[0].reject(err);
    const half = Math.ceil(batch.length / 2);
    await commitBatch(ds, q, batch.slice(0, half));
    await commitBatch(ds, q, batch.slice(half));
  }
}

function eventFor(input: AuditInput, seq: number, prevHash: string): [AuditEvent, number[]] {
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
    personIds: ids.join(','),
    prevHash,
    keyId: auditKeyId(),
  };
  return [{ ...partial, hash: eventHash(partial) }, ids];
}

function chainAfter(head: ChainHead, inputs: AuditInput[]): Array<{ event: AuditEvent; ids: number[] }> {
  let prevHash = head.hash;
  return inputs.map((input, i) => {
    const [event, ids] = eventFor(input, head.seq + 1 + i, prevHash);
    prevHash = event.hash;
    return { event, ids };
  });
}

// Appends the events after the chain head, in order, and moves the head. The head this process
// committed last is moved first, on condition that it is still the head: the update locks the head
// row and checks it at once (4 statements with the transaction's own, plus one per further 1,000
// persons read). When another process appended meanwhile (or the head is not known), the head is read
// under a lock (SELECT ... FOR UPDATE on MySQL; SQLite's transaction holds the write lock already) and
// moved after the inserts: one more statement; and while other instances append too
// (CONTENDED_HEAD_MS after a moved head was found), it is read that way at once: 6 statements.
async function appendInTransaction(em: EntityManager, inputs: AuditInput[], known: ChainHead | null, q: AppendQueue): Promise<AuditEvent[]> {
  let written = known && chainAfter(known, inputs);
  if (known && written) {
    const last = written[written.length - 1].event;
    const moved = await em
      .createQueryBuilder()
      .update(AuditChainHead)
      .set({ seq: last.seq, hash: last.hash })
      .where('id = 1 AND seq = :seq AND hash = :hash', { seq: known.seq, hash: known.hash })
      .execute();
    if (moved.affected !== 1) {
      written = null;
      q.lockedReadsUntil = Date.now() + CONTENDED_HEAD_MS;
    }
  }
  const headMoved = written !== null;
  if (!written) {
    const qb = em.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = 1');
    if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    const head = await qb.getOneOrFail();
    written = chainAfter({ seq: head.seq, hash: head.hash }, inputs);
  }
  const events = written.map((w) => w.event);
  // updateEntity(false): the events are complete, no read-back of defaults (one statement)
  await em.createQueryBuilder().insert().into(AuditEvent).values(events).updateEntity(false).execute();
  const persons = written.flatMap(({ event, ids }) => ids.map((personId) => ({ seq: event.seq, personId })));
  for (let i = 0; i < persons.length; i += 1000) await em.getRepository(AuditEventPerson).insert(persons.slice(i, i + 1000));
  if (!headMoved) {
    const last = events[events.length - 1];
    await em.getRepository(AuditChainHead).update({ id: 1 }, { seq: last.seq, hash: last.hash });
  }
  return events;
}

export { verifyAuditChain } from './chain-verify';

