import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
import { logger } from '../common/logger';
import { auditKeyId, auditMac } from './audit-key';

// Signed checkpoints of the audit chain (sequence number, head hash, time), appended to a file
// outside the database, as Certificate Transparency logs publish signed tree heads: whoever removes the
// latest events, or every event, cannot also move the checkpoints, so audit:verify finds the chain
// shorter than its last checkpoint. One line of JSON per checkpoint; the file is only appended to.
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  mac: string;
}

interface Writer {
  file: string;
  every: number;
  sinceLast: number;
  // the head of the latest committed batch not yet in a checkpoint
  pending: { seq: number; hash: string } | null;
  timer: NodeJS.Timeout | null;
  // the file was gone while the chain had events: nothing is written until someone restores it (or
  // creates it empty on purpose), so that audit:verify keeps reporting CHECKPOINTS_MISSING
  suspended: boolean;
  // the file has existed since configured: its disappearance is then a deletion, never re-created
  seen: boolean;
}

let writer: Writer | null = null;

// every: write a checkpoint after this many events; seconds: and at most this long after an event
// (0: never by time); and whenever asked (at start and at shutdown: src/audit/audit-setup.ts).
export function configureCheckpoints(options: { file: string | null; every: number; seconds?: number }): void {
  if (writer?.timer) clearInterval(writer.timer);
  writer = options.file
    ? { file: options.file, every: Math.max(1, options.every), sinceLast: 0, pending: null, timer: null, suspended: false, seen: existsSync(options.file) }
    : null;
  const seconds = options.seconds ?? 0;
  if (writer && seconds > 0) {
    const w = writer;
    w.timer = setInterval(() => {
      if (w.pending && !w.suspended) flush(w);
    }, seconds * 1000);
    w.timer.unref();
  }
}

export const checkpointFile = () => writer?.file ?? null;

const macOf = (c: Omit<Checkpoint, 'mac'>) => auditMac(`checkpoint\n${c.seq}\n${c.hash}\n${c.at}\n${c.keyId}`);

export function checkpointIsSigned(c: Checkpoint): boolean {
  return c.mac === macOf(c);
}

function append(file: string, seq: number, hash: string): void {
  const entry = { seq, hash, at: new Date().toISOString(), keyId: auditKeyId() };
  const fd = openSync(file, 'a', 0o600);
  try {
    appendFileSync(fd, `${JSON.stringify({ ...entry, mac: macOf(entry) })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function flush(w: Writer): void {
  const head = w.pending!;
  w.pending = null;
  w.sinceLast = 0;
  // a file that disappears while the service runs is not re-created by the append either
  if (w.seen && !existsSync(w.file)) {
    w.suspended = true;
    logger.error('the audit checkpoint file is gone; no checkpoints are written until it is restored (audit:verify: CHECKPOINTS_MISSING)');
    return;
  }
  try {
    append(w.file, head.seq, head.hash);
    w.seen = true;
  } catch (err) {
    logger.error({ err: { message: (err as Error).message } }, 'audit checkpoint could not be written');
  }
}

// Called after each committed batch of events, outside the request's path (the batch's callers were
// already answered): writes a checkpoint once `every` events have been appended since the last one
// (the timer writes the rest within `seconds`).
export function noteCommitted(count: number, head: { seq: number; hash: string }): void {
  if (!writer || writer.suspended) return;
  writer.sinceLast += count;
  writer.pending = { seq: head.seq, hash: head.hash };
  if (writer.sinceLast >= writer.every) flush(writer);
}

export type StartCheckpoint = 'GENESIS' | 'WRITTEN' | 'MISSING' | 'NONE';

// At start and at shutdown. A file that does not exist yet is created with the head, the genesis
// (seq 0) on a new deployment; but a file that is gone while the chain has events is not re-created:
// that would hide what happened to it (audit:verify says CHECKPOINTS_MISSING until it is restored).
export function checkpointAtStartOrStop(head: { seq: number; hash: string }): StartCheckpoint {
  if (!writer) return 'NONE';
  if (!existsSync(writer.file) && head.seq > 0) {
    writer.suspended = true;
    return 'MISSING';
  }
  writer.suspended = false;
  writer.pending = null;
  writer.sinceLast = 0;
  append(writer.file, head.seq, head.hash);
  writer.seen = true;
  return head.seq === 0 ? 'GENESIS' : 'WRITTEN';
}

export function readCheckpoints(file: string | null): Checkpoint[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        return JSON.parse(line) as Checkpoint;
      } catch {
        return { seq: -1, hash: '', at: '', keyId: '', mac: 'unreadable' };
      }
    });
}
