import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditChainHead, AuditEvent, AuditEventPerson } from './audit-event.entity';
import { auditKeyId, LEGACY_KEY_ID } from './audit-key';
import { eventHash, GENESIS_HASH } from './audit.service';
import { Checkpoint, checkpointFile, checkpointIsSigned, readCheckpoints } from './checkpoints';

// What audit:verify can find, by kind.
export type TamperKind =
  | 'EVENT_MISSING' // a gap in the sequence: events deleted from the middle
  | 'LINK_BROKEN' // an event's previous hash is not its predecessor's hash
  | 'EVENT_ALTERED' // an event's content does not match its hash (edited; recomputing needs the key)
  | 'UNKNOWN_KEY' // hashed with a key this verifier does not hold
  | 'DOWNGRADED' // an unkeyed (legacy) event after keyed ones: edited and re-hashed without the key
  | 'PERSON_LINKS_ALTERED' // audit_event_person rows differ from the person ids the event's hash covers
  | 'HEAD_MISMATCH' // the head row disagrees with the last event (latest events deleted, head not moved)
  | 'TRUNCATED' // the chain ends before the last signed checkpoint (latest events deleted, head moved)
  | 'WIPED' // no events, though checkpoints were signed (every event deleted, genesis reset)
  | 'CHECKPOINT_MISMATCH' // the event at a checkpoint's sequence number has another hash (history rewritten)
  | 'CHECKPOINT_FORGED' // a checkpoint whose signature does not verify
  | 'CHECKPOINTS_MISSING'; // the configured checkpoint file is gone, though the chain has events

export interface VerifyResult {
  ok: boolean;
  checked: number;
  // with checkpoints: the events after the last one, which no checkpoint anchors yet (deleting them,
  // and moving the head back, cannot be told from their never having been written: docs/AUDIT.md)
  unanchored?: number;
  firstBroken?: { seq: number; kind: TamperKind; reason: string };
}

const broken = (checked: number, seq: number, kind: TamperKind, reason: string): VerifyResult => ({ ok: false, checked, firstBroken: { seq, kind, reason } });

// Walks the chain from the start, with the person links of each event, against the signed checkpoints
// kept outside the database (the configured file unless others are given); names the first problem.
export async function verifyAuditChain(ds: DataSource, options: { checkpoints?: Checkpoint[]; batch?: number } = {}): Promise<VerifyResult> {
  const batch = options.batch ?? 2000;
  const file = checkpointFile();
  if (!options.checkpoints && file && !existsSync(file)) {
    const head = await ds.getRepository(AuditChainHead).findOneBy({ id: 1 });
    const events = await ds.getRepository(AuditEvent).count();
    if (events > 0 || (head?.seq ?? 0) > 0) {
      return broken(0, 1, 'CHECKPOINTS_MISSING', `the checkpoint file ${file} does not exist, though the chain has events (deleted, or never written)`);
    }
  }
  const anchoring = options.checkpoints !== undefined || file !== null;
  const checkpoints = options.checkpoints ?? readCheckpoints(file);
  const forged = checkpoints.find((c) => !checkpointIsSigned(c));
  if (forged) return broken(0, forged.seq, 'CHECKPOINT_FORGED', `checkpoint of event ${forged.seq} is not signed with the audit key`);
  const anchors = new Map(checkpoints.map((c) => [c.seq, c.hash]));
  const lastAnchor = checkpoints.reduce((max, c) => Math.max(max, c.seq), 0);

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let keyedSeen = false;
  for (;;) {
    const rows = await ds.getRepository(AuditEvent).createQueryBuilder('e').where('e.seq >= :from', { from: expectedSeq }).orderBy('e.seq', 'ASC').take(batch).getMany();
    const links = await personLinks(ds, rows);
    for (const e of rows) {
      const checked = expectedSeq - 1;
      if (e.seq !== expectedSeq) return broken(checked, expectedSeq, 'EVENT_MISSING', 'event missing (deleted)');
      if (e.prevHash !== prevHash) return broken(checked, e.seq, 'LINK_BROKEN', 'previous hash does not match');
      if (e.keyId === LEGACY_KEY_ID && keyedSeen) return broken(checked, e.seq, 'DOWNGRADED', 'unkeyed event after keyed ones: altered and re-hashed without the key');
      if (e.keyId !== LEGACY_KEY_ID && e.keyId !== auditKeyId()) return broken(checked, e.seq, 'UNKNOWN_KEY', `hashed with key ${e.keyId}, not the configured key`);
      keyedSeen ||= e.keyId !== LEGACY_KEY_ID;
      const { hash, ...rest } = e;
      if (eventHash(rest) !== hash) return broken(checked, e.seq, 'EVENT_ALTERED', 'event altered (hash does not match its content)');
      if ((links.get(e.seq) ?? '') !== e.personIds) return broken(checked, e.seq, 'PERSON_LINKS_ALTERED', 'its person links (audit_event_person) differ from the persons it recorded');
      const anchored = anchors.get(e.seq);
      if (anchored !== undefined && anchored !== hash) return broken(checked, e.seq, 'CHECKPOINT_MISMATCH', 'the event differs from the signed checkpoint of its sequence number');
      prevHash = hash;
      expectedSeq += 1;
    }
    if (rows.length < batch) break;
  }
  const last = expectedSeq - 1;
  if (last < lastAnchor) {
    return last === 0
      ? broken(0, 1, 'WIPED', `no events, though a checkpoint was signed at event ${lastAnchor} (every event deleted)`)
      : broken(last, last + 1, 'TRUNCATED', `chain ends at ${last}, before the checkpoint signed at event ${lastAnchor} (latest events deleted)`);
  }
  const head = await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
  if (head.seq !== last || head.hash !== prevHash) {
    return broken(last, expectedSeq, 'HEAD_MISMATCH', `chain ends at ${last} but its head says ${head.seq} (latest events deleted)`);
  }
  return anchoring ? { ok: true, checked: last, unanchored: last - lastAnchor } : { ok: true, checked: last };
}

// What audit:verify prints: the verdict, and when the chain is whole, a warning with the count of
// events no checkpoint anchors yet.
export function verifyReport(result: VerifyResult): string {
  if (!result.ok) {
    const b = result.firstBroken;
    return `audit chain BROKEN (${b?.kind}) at event ${b?.seq}: ${b?.reason} (${result.checked} events verified before it)\n`;
  }
  const lines = [`audit chain intact: ${result.checked} events verified`];
  if (result.unanchored) {
    lines.push(
      `warning: the last ${result.unanchored} events are after the latest signed checkpoint; their deletion cannot be detected until the next checkpoint (AUDIT_CHECKPOINT_EVERY, AUDIT_CHECKPOINT_SECONDS, shutdown)`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// seq -> person ids of its audit_event_person rows, ascending and comma-separated like the event's own list
async function personLinks(ds: DataSource, rows: AuditEvent[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!rows.length) return out;
  const links = await ds
    .getRepository(AuditEventPerson)
    .createQueryBuilder('p')
    .where('p.seq BETWEEN :from AND :to', { from: rows[0].seq, to: rows[rows.length - 1].seq })
    .orderBy('p.seq', 'ASC')
    .addOrderBy('p.person_id', 'ASC')
    .getMany();
  const grouped = new Map<number, number[]>();
  for (const l of links) (grouped.get(l.seq) ?? grouped.set(l.seq, []).get(l.seq)!).push(l.personId);
  for (const [seq, ids] of grouped) out.set(seq, ids.join(','));
  return out;
}
