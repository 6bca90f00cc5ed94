import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditChainHead, AuditEvent, AuditOutcome } from '../src/audit/audit-event.entity';
import { configureAuditKey, DEV_AUDIT_KEY } from '../src/audit/audit-key';
import { appendAuditEvent, canonical, GENESIS_HASH, verifyAuditChain } from '../src/audit/audit.service';
import { checkpointHead } from '../src/audit/audit-setup';
import { verifyReport } from '../src/audit/chain-verify';
import { configureCheckpoints, readCheckpoints } from '../src/audit/checkpoints';
import { Role } from '../src/policy/viewer';
import { freshDatabase, testDatabases } from './helpers/databases';

// Whoever holds the database tries to rewrite the audit trail; audit:verify names each attempt by kind.
// The key is not in the database and the checkpoints are in a file outside it.
const viewer = { sub: 'u1', name: 'u1', role: Role.ADMIN, district: '640000', purpose: 'case A-1' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testDatabases())('a tampered audit chain on $name', ({ target }) => {
  let ds: DataSource;
  let dir: string;
  let file: string;
  let snapshot: { events: AuditEvent[]; persons: Array<{ seq: number; person_id: number }>; head: AuditChainHead };

  beforeAll(async () => {
    ds = await freshDatabase(target);
    dir = mkdtempSync(join(tmpdir(), 'jindu-audit-'));
    file = join(dir, 'checkpoints');
    configureAuditKey(Buffer.from('a test key of the audit chain, 32+ bytes, kept outside the database'));
    configureCheckpoints({ file, every: 5 });
    for (let i = 0; i < 12; i++) {
      await appendAuditEvent(ds, { viewer, operationName: `Op${i}`, document: `{ q${i} }`, variables: {}, personIds: i % 3 === 0 ? [] : [i, i + 100], outcome: AuditOutcome.ALLOWED });
    }
    await new Promise((r) => setImmediate(r)); // checkpoints are written after the callers are answered
    snapshot = {
      events: await ds.getRepository(AuditEvent).find({ order: { seq: 'ASC' } }),
      persons: await ds.query('SELECT seq, person_id FROM audit_event_person ORDER BY seq, person_id'),
      head: await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 }),
    };
  });
  afterAll(async () => {
    configureCheckpoints({ file: null, every: 100 });
    configureAuditKey(DEV_AUDIT_KEY);
    rmSync(dir, { recursive: true, force: true });
    await ds?.destroy();
  });
  afterEach(async () => {
    // the chain as it was, for the next attempt
    await ds.query('DELETE FROM audit_event_person');
    await ds.query('DELETE FROM audit_event');
    // inserting the events links their persons again (a trigger) and moves the head to the last one
    await ds.getRepository(AuditEvent).insert(snapshot.events);
    expect(await ds.query('SELECT seq, person_id FROM audit_event_person ORDER BY seq, person_id')).toEqual(snapshot.persons);
    await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: snapshot.head.seq, hash: snapshot.head.hash });
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 12, unanchored: 2 });
  });

  it('is whole as written, signed with HMAC and anchored in signed checkpoints outside the database', async () => {
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 12, unanchored: 2 });
    const checkpoints = readCheckpoints(file);
    expect(checkpoints.map((c) => c.seq)).toEqual([5, 10]);
    expect(readFileSync(file, 'utf8')).not.toContain('test key');
    // a plain SHA-256 of the event does not reproduce its hash: the key is needed
    const e = snapshot.events[4];
    const { hash, ...rest } = e;
    expect(sha256(`${e.prevHash}\n${canonical(rest)}`)).not.toBe(hash);
  });

  it('finds the latest events removed with the head moved back (TRUNCATED)', async () => {
    const keep = snapshot.events[7];
    await ds.query('DELETE FROM audit_event_person WHERE seq > ?', [keep.seq]);
    await ds.query('DELETE FROM audit_event WHERE seq > ?', [keep.seq]);
    await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: keep.seq, hash: keep.hash });
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'TRUNCATED', seq: 9 } });
  });

  it('finds every event deleted with the genesis reset (WIPED)', async () => {
    await ds.query('DELETE FROM audit_event_person');
    await ds.query('DELETE FROM audit_event');
    await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: 0, hash: GENESIS_HASH });
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'WIPED' } });
  });

  it('finds an event edited and re-hashed with plain SHA-256, whatever key id it claims (EVENT_ALTERED, DOWNGRADED)', async () => {
    const e = snapshot.events[6];
    const edited = { ...e, purpose: 'nothing to see', personIds: e.personIds };
    const { hash: _old, ...rest } = edited;
    await ds.query('UPDATE audit_event SET purpose = ?, hash = ? WHERE seq = ?', [edited.purpose, sha256(`${e.prevHash}\n${canonical(rest)}`), e.seq]);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'EVENT_ALTERED', seq: e.seq } });
    // claiming to be an event from before the chain was keyed
    const legacy = { ...rest, keyId: 'sha256' };
    await ds.query("UPDATE audit_event SET key_id = 'sha256', hash = ? WHERE seq = ?", [sha256(`${e.prevHash}\n${canonical(legacy)}`), e.seq]);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'DOWNGRADED', seq: e.seq } });
  });

  it('finds person links deleted from audit_event_person (PERSON_LINKS_ALTERED)', async () => {
    const e = snapshot.events.find((x) => x.personCount > 0)!;
    await ds.query('DELETE FROM audit_event_person WHERE seq = ?', [e.seq]);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'PERSON_LINKS_ALTERED', seq: e.seq } });
  });

  it('finds a forged checkpoint, and checkpoints that do not verify under another key (CHECKPOINT_FORGED)', async () => {
    const checkpoints = readCheckpoints(file);
    const rewritten = checkpoints.map((c) => (c.seq === 5 ? { ...c, hash: 'f'.repeat(64) } : c));
    expect(await verifyAuditChain(ds, { checkpoints: rewritten })).toMatchObject({ ok: false, firstBroken: { kind: 'CHECKPOINT_FORGED', seq: 5 } });
    // a chain rebuilt under a key of the attacker's: the signed checkpoints do not verify with it
    configureAuditKey(Buffer.from('the attacker has a key of their own, also 32+ bytes long'));
    try {
      const result = await verifyAuditChain(ds, { checkpoints });
      expect(result).toMatchObject({ ok: false, firstBroken: { kind: 'CHECKPOINT_FORGED' } });
    } finally {
      configureAuditKey(Buffer.from('a test key of the audit chain, 32+ bytes, kept outside the database'));
    }
  });

  it('fails when the checkpoint file is deleted while the chain has events (CHECKPOINTS_MISSING), and the service does not re-create it', async () => {
    const moved = `${file}.moved`;
    renameSync(file, moved);
    try {
      expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'CHECKPOINTS_MISSING' } });
      // a restart (or shutdown) does not write a new file that would hide the deletion
      expect(await checkpointHead(ds)).toBe('MISSING');
      await appendAuditEvent(ds, { viewer, operationName: 'After', document: '{ after }', variables: {}, personIds: [], outcome: AuditOutcome.ALLOWED });
      await new Promise((r) => setImmediate(r));
      expect(existsSync(file)).toBe(false);
      expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'CHECKPOINTS_MISSING' } });
    } finally {
      renameSync(moved, file);
      configureCheckpoints({ file, every: 5 });
      await ds.query('DELETE FROM audit_event WHERE seq > 12');
      await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: snapshot.head.seq, hash: snapshot.head.hash });
    }
  });

  it('does not re-create a checkpoint file deleted while the service runs, however many events follow', async () => {
    const moved = `${file}.moved`;
    const before = await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
    renameSync(file, moved);
    try {
      for (let i = 0; i < 12; i++) {
        await appendAuditEvent(ds, { viewer, operationName: `While${i}`, document: '{ while }', variables: {}, personIds: [], outcome: AuditOutcome.ALLOWED });
      }
      await new Promise((r) => setImmediate(r));
      expect(existsSync(file)).toBe(false);
    } finally {
      renameSync(moved, file);
      configureCheckpoints({ file, every: 5 });
      await ds.query('DELETE FROM audit_event WHERE seq > ?', [before.seq]);
      await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: before.seq, hash: before.hash });
    }
  });

  it('anchors events: deleting anchored ones is TRUNCATED; deleting only the unanchored tail is the residual risk, reported as a count', async () => {
    const whole = await verifyAuditChain(ds);
    expect(whole).toMatchObject({ ok: true, unanchored: 2 });
    expect(verifyReport(whole)).toBe(
      'audit chain intact: 12 events verified\nwarning: the last 2 events are after the latest signed checkpoint; their deletion cannot be detected until the next checkpoint ' +
        '(AUDIT_CHECKPOINT_EVERY, AUDIT_CHECKPOINT_SECONDS, shutdown)\n',
    );
    // events 11 and 12 are after the last checkpoint (10): removing them is not detectable
    const keep = snapshot.events[9];
    await ds.query('DELETE FROM audit_event_person WHERE seq > ?', [keep.seq]);
    await ds.query('DELETE FROM audit_event WHERE seq > ?', [keep.seq]);
    await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: keep.seq, hash: keep.hash });
    const tailGone = await verifyAuditChain(ds);
    expect(tailGone).toEqual({ ok: true, checked: 10, unanchored: 0 });
    expect(verifyReport(tailGone)).toBe('audit chain intact: 10 events verified\n');
    // event 10 is anchored
    const before = snapshot.events[8];
    await ds.query('DELETE FROM audit_event_person WHERE seq > ?', [before.seq]);
    await ds.query('DELETE FROM audit_event WHERE seq > ?', [before.seq]);
    await ds.getRepository(AuditChainHead).update({ id: 1 }, { seq: before.seq, hash: before.hash });
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'TRUNCATED', seq: 10 } });
  });
});

// A new deployment has a checkpoint file from its first start (the genesis), and events are anchored
// within AUDIT_CHECKPOINT_SECONDS even when fewer than AUDIT_CHECKPOINT_EVERY arrive.
describe.each(testDatabases())('audit checkpoints of a new deployment on $name', ({ target }) => {
  let ds: DataSource;
  let dir: string;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    dir = mkdtempSync(join(tmpdir(), 'jindu-audit-'));
    configureAuditKey(Buffer.from('a test key of the audit chain, 32+ bytes, kept outside the database'));
  });
  afterAll(async () => {
    configureCheckpoints({ file: null, every: 100 });
    configureAuditKey(DEV_AUDIT_KEY);
    rmSync(dir, { recursive: true, force: true });
    await ds?.destroy();
  });

  it('writes a genesis checkpoint at first start, a checkpoint by time, and one at shutdown', async () => {
    const file = join(dir, 'genesis');
    configureCheckpoints({ file, every: 1000, seconds: 1 });
    expect(await checkpointHead(ds)).toBe('GENESIS');
    expect(readCheckpoints(file)).toEqual([expect.objectContaining({ seq: 0, hash: GENESIS_HASH })]);
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 0, unanchored: 0 });
    for (let i = 0; i < 3; i++) {
      await appendAuditEvent(ds, { viewer, operationName: `Op${i}`, document: `{ q${i} }`, variables: {}, personIds: [], outcome: AuditOutcome.ALLOWED });
    }
    await new Promise((r) => setImmediate(r));
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 3, unanchored: 3 });
    // the timer anchors them although `every` (1000) is far away
    await new Promise((r) => setTimeout(r, 1300));
    expect(readCheckpoints(file).map((c) => c.seq)).toEqual([0, 3]);
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 3, unanchored: 0 });
    await appendAuditEvent(ds, { viewer, operationName: 'Last', document: '{ last }', variables: {}, personIds: [], outcome: AuditOutcome.ALLOWED });
    expect(await checkpointHead(ds)).toBe('WRITTEN'); // shutdown
    expect(readCheckpoints(file).map((c) => c.seq)).toEqual([0, 3, 4]);
    // an operator who, after an investigation, accepts a lost file creates it empty on purpose
    const other = join(dir, 'lost');
    configureCheckpoints({ file: other, every: 1000 });
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: false, firstBroken: { kind: 'CHECKPOINTS_MISSING' } });
    writeFileSync(other, '');
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 4, unanchored: 4 });
  });
});
