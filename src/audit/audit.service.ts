import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { maskIdNumber } from '../common/id-number';
import { Viewer } from '../common/auth/viewer';
import { inTransaction } from '../common/transactions';
import { AuditChainHead, AuditEvent, AuditEventPerson, AuditOutcome } from './audit-event.entity';

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

export const eventHash = (e: Omit<AuditEvent, 'hash'>) => sha256(`${e.prevHash}\n${canonical(e)}`);

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

// Appends in this process are serialised by a promise chain (fewer lock waits); across processes
// the locked head row (SELECT ... FOR UPDATE on MySQL; SQLite has one writer) keeps one chain.
let tail: Promise<unknown> = Promise.resolve();

export function appendAuditEvent(ds: DataSource, input: AuditInput): Promise<AuditEvent> {
  // SQLite shared by several processes (federation's subgraphs): the transaction takes the write lock
  // first (waiting for it), as a read-then-write transaction would fail with "database is locked"
  // when another process appended in between
  const run = tail.then(() => inTransaction(ds, (em) => appendInTransaction(em, input), { immediate: true }));
  tail = run.catch(() => undefined);
  return run;
}

async function appendInTransaction(em: EntityManager, input: AuditInput): Promise<AuditEvent> {
  const qb = em.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = 1');
  if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
  const head = await qb.getOneOrFail();
  const ids = [...new Set(input.personIds)].sort((a, b) => a - b);
  const partial: Omit<AuditEvent, 'hash'> = {
    seq: head.seq + 1,
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
    prevHash: head.hash,
  };
  const event: AuditEvent = { ...partial, hash: eventHash(partial) };
  await em.getRepository(AuditEvent).insert(event);
  for (let i = 0; i < ids.length; i += 1000) {
    await em.getRepository(AuditEventPerson).insert(ids.slice(i, i + 1000).map((personId) => ({ seq: event.seq, personId })));
  }
  await em.getRepository(AuditChainHead).update({ id: 1 }, { seq: event.seq, hash: event.hash });
  return event;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

// Walks the chain from the start; names the first broken link (edited, deleted or reordered events).
export async function verifyAuditChain(ds: DataSource, batch = 2000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await ds.getRepository(AuditEvent).createQueryBuilder('e').where('e.seq >= :from', { from: expectedSeq }).orderBy('e.seq', 'ASC').take(batch).getMany();
    for (const e of rows) {
      if (e.seq !== expectedSeq) return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: expectedSeq, reason: 'event missing (deleted)' } };
      if (e.prevHash !== prevHash) return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: e.seq, reason: 'previous hash does not match' } };
      const { hash, ...rest } = e;
      if (eventHash(rest) !== hash) return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: e.seq, reason: 'event altered (hash does not match its content)' } };
      prevHash = hash;
      expectedSeq += 1;
    }
    if (rows.length < batch) break;
  }
  const head = await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: expectedSeq, reason: `chain ends at ${expectedSeq - 1} but its head says ${head.seq} (latest events deleted)` } };
  }
  return { ok: true, checked: expectedSeq - 1 };
}
