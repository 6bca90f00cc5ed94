import { DataSource } from 'typeorm';
import { AuditChainHead, AuditEvent, AuditOutcome } from '../src/audit/audit-event.entity';
import { appendAuditEvent, verifyAuditChain } from '../src/audit/audit.service';
import { APPEND_TRIGGERS } from '../src/audit/chain-head';
import { StatementCount, trackStatements } from '../src/common/sql-counter';
import { Role } from '../src/policy/viewer';
import { freshDatabase, testDatabases } from './helpers/databases';

// An append is one INSERT of its events; inside it the database moves the chain head and writes the
// person links (triggers of migrations/*/1796400000000-AuditAppendTriggers.ts). What that must keep.
const viewer = { sub: 'append', name: 'append', role: Role.ADMIN, district: '640000', purpose: 'test' };
const input = (i: number, personIds: number[]) => ({ viewer, operationName: `Op${i}`, document: '{ q }', variables: {}, personIds, outcome: AuditOutcome.ALLOWED });

describe.each(testDatabases())('audit append on $name', ({ name, target }) => {
  let ds: DataSource;
  const triggers = async () => {
    const sql =
      name === 'mysql'
        ? "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'audit_event' ORDER BY 1"
        : "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event' ORDER BY 1";
    return (await ds.query(sql)).map((r: { name: string }) => r.name);
  };

  beforeAll(async () => {
    ds = await freshDatabase(target);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('the migrations leave both triggers in place', async () => {
    expect(await triggers()).toEqual([...APPEND_TRIGGERS].sort());
  });

  it('costs 2 statements at the first append of a data source (the head read, with the trigger check), 1 after', async () => {
    const first = new StatementCount(true);
    await trackStatements(first, () => appendAuditEvent(ds, input(0, [1])));
    expect(first.log).toEqual([expect.stringMatching(/^SELECT h\.seq .*TRIGGER.* FROM audit_chain_head/is), expect.stringMatching(/^INSERT INTO \W?audit_event\W?\s?\(/)]);
    const next = new StatementCount();
    await trackStatements(next, () => appendAuditEvent(ds, input(0, [2])));
    expect(next.statements).toBe(1);
  });

  it('links every person of every event and moves the head, in the one statement', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => 3 * i + 1);
    const written = await Promise.all([input(1, many), input(2, []), input(3, [7, 5, 7])].map((x) => appendAuditEvent(ds, x)));
    const links = await ds.query('SELECT seq, person_id FROM audit_event_person ORDER BY seq, person_id');
    const bySeq = (seq: number) => links.filter((l: { seq: unknown }) => Number(l.seq) === seq).map((l: { person_id: unknown }) => Number(l.person_id));
    expect(bySeq(written[0].seq)).toEqual(many);
    expect(bySeq(written[1].seq)).toEqual([]);
    expect(bySeq(written[2].seq)).toEqual([5, 7]);
    const last = written[written.length - 1];
    expect(await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 })).toMatchObject({ seq: last.seq, hash: last.hash });
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 5 });
  });

  it('an insert refused on the key writes nothing: no links, the head unmoved', async () => {
    const head = await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
    const [taken] = await ds.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 1 });
    const fresh = { ...taken, seq: taken.seq + 1, personIds: '900001,900002', personCount: 2 };
    // two rows in one statement, the second on a taken seq: the first row and its links go too
    await expect(ds.getRepository(AuditEvent).insert([fresh, { ...taken, personIds: '900003', personCount: 1 }])).rejects.toThrow();
    expect(await ds.query('SELECT person_id FROM audit_event_person WHERE person_id > 900000')).toEqual([]);
    expect(await ds.getRepository(AuditEvent).countBy({ seq: fresh.seq })).toBe(0);
    expect(await ds.getRepository(AuditChainHead).findOneByOrFail({ id: 1 })).toEqual(head);
    expect(await verifyAuditChain(ds)).toEqual({ ok: true, checked: 5 });
  });

  it('refuses to append without the triggers (no event without its person links), every waiting append at once', async () => {
    // another data source, its own append queue (the head not known yet); on MySQL the same database
    // made afresh, which is why this test comes last
    const other = await freshDatabase(target);
    try {
      await other.query(name === 'mysql' ? 'DROP TRIGGER `audit_event_links_persons`' : 'DROP TRIGGER "audit_event_links_persons"');
      const settled = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => appendAuditEvent(other, input(i, [i + 1]))));
      expect(settled.map((s) => s.status)).toEqual(Array(5).fill('rejected'));
      expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/triggers .* are missing/);
      expect(await other.getRepository(AuditEvent).count()).toBe(0);
    } finally {
      await other.destroy();
    }
  });
});
