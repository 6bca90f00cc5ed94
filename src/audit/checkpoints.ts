import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
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
}

let writer: Writer | null = null;

// every: write a checkpoint after this many events (and whenever asked: at shutdown)
export function configureCheckpoints(options: { file: string | null; every: number }): void {
  writer = options.file ? { file: options.file, every: Math.max(1, options.every), sinceLast: 0 } : null;
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

// Called after each committed batch of events, outside the request's path (the batch's callers were
// already answered): writes a checkpoint once `every` events have been appended since the last one.
export function noteCommitted(count: number, head: { seq: number; hash: string }): void {
  if (!writer) return;
  writer.sinceLast += count;
  if (writer.sinceLast < writer.every) return;
  writer.sinceLast = 0;
  append(writer.file, head.seq, head.hash);
}

export function writeCheckpointNow(head: { seq: number; hash: string }): void {
  if (writer && head.seq > 0) append(writer.file, head.seq, head.hash);
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
