// Keeps the indicator ledger (summary.entities.ts) in step with the department tables: a person's
// contribution is recomputed from their records whenever a write touches them, in the writer's
// transaction, and the difference to the stored contribution is added to the daily totals. Batched:
// a constant number of statements per batch of persons, never per person.
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../common/transactions';
import { departmentModules } from '../../core/department-module';
import { day, emptyLedgerFacts, LedgerFacts, PersonSelection, selectionFilter } from '../../core/ledger-facts';
import { contributionsOf, decodeEntries, encodeEntries, Entry, eventDaysOf, PersonFacts } from './contributions';

const PERSONS_PER_BATCH = 2000; // ids per IN list; a few thousand bound parameters at most
const ROWS_PER_INSERT = 5000; // x 5 parameters, under SQLite's 32,766
const CONTRIBUTIONS_PER_INSERT = 500; // entries texts of ~1-2 KB: a statement well under max_allowed_packet
type Runner = EntityManager;
type Rows = Array<Record<string, unknown>>;

const isSqlite = (ds: DataSource) => ds.options.type === 'better-sqlite3';

// The records of the selected persons that the ledger metrics read: the person row, then each
// registered department's part (DepartmentModule.ledgerFacts), side by side.
export async function loadFacts(em: Runner, sel: PersonSelection): Promise<PersonFacts[]> {
  const [where, params] = selectionFilter('id', sel);
  const persons = (await em.query(`SELECT id, residence_district_code, deceased_at FROM person WHERE ${where}`, params)) as Rows;
  const facts = new Map<number, PersonFacts>();
  for (const p of persons) {
    const id = Number(p.id);
    facts.set(id, { id, residence: String(p.residence_district_code), deceasedAt: day(p.deceased_at), ...emptyLedgerFacts() });
  }
  if (facts.size) await Promise.all(ledgerSources().map((source) => source.load(em, sel, facts as ReadonlyMap<number, LedgerFacts>)));
  return [...facts.values()];
}

const ledgerSources = () => departmentModules().flatMap((m) => (m.ledgerFacts ? [m.ledgerFacts] : []));

// The department tables the ledger reads by person_id: a write to one refreshes the person.
export const ledgerTables = (): ReadonlySet<string> => new Set(ledgerSources().flatMap((s) => s.tables));

// Totals are kept in three grains (summary.entities.ts): an entry adds to its year, month and day.
function addToTotals(totals: Map<string, number>, e: Entry, sign: number): void {
  for (const [grain, bucket] of [['Y', `${e.day.slice(0, 4)}-01-01`], ['M', `${e.day.slice(0, 7)}-01`], ['D', e.day]]) {
    const key = `${grain}|${bucket}|${e.metric}|${e.district}`;
    totals.set(key, (totals.get(key) ?? 0) + sign * e.delta);
  }
}

async function applyTotals(em: Runner, totals: Map<string, number>): Promise<void> {
  const rows = [...totals].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : 1)); // one lock order
  const tail = isSqlite(em.connection)
    ? ' ON CONFLICT (grain, day, metric, district_code) DO UPDATE SET delta = delta + excluded.delta'
    : ' ON DUPLICATE KEY UPDATE delta = delta + VALUES(delta)';
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await em.query(
      `INSERT INTO indicator_day_total (grain, day, metric, district_code, delta) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}${tail}`,
      chunk.flatMap(([key, delta]) => [...key.split('|'), delta]),
    );
  }
}

async function insertEventDays(em: Runner, facts: PersonFacts[]): Promise<void> {
  const rows = facts.flatMap((p) => eventDaysOf(p).map((e) => [e.figure, e.day, p.id, e.district]));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await em.query(`INSERT INTO person_event_day (figure, day, person_id, district_code) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`, chunk.flat());
  }
}

async function insertContributions(em: Runner, rows: Array<[number, string]>): Promise<void> {
  for (let start = 0; start < rows.length; start += CONTRIBUTIONS_PER_INSERT) {
    const chunk = rows.slice(start, start + CONTRIBUTIONS_PER_INSERT);
    await em.query(`INSERT INTO person_indicator_contribution (person_id, entries) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
  }
}

// Recomputes the contributions of these persons (their records as this transaction sees them) and
// moves the totals by the difference. Call it inside the transaction that changed the records, with
// every person whose records, residence or death changed (both persons when a record changes person).
export async function refreshPersonIndicators(em: Runner, personIds: Iterable<number>): Promise<void> {
  const all = [...new Set(personIds)].sort((a, b) => a - b);
  for (let start = 0; start < all.length; start += PERSONS_PER_BATCH) {
    const ids = all.slice(start, start + PERSONS_PER_BATCH);
    const marks = ids.map(() => '?').join(', ');
    const [facts, old] = await Promise.all([
      loadFacts(em, { ids }),
      em.query(`SELECT person_id, entries FROM person_indicator_contribution WHERE person_id IN (${marks})`, ids) as Promise<Rows>,
    ]);
    const totals = new Map<string, number>();
    for (const r of old) for (const e of decodeEntries(String(r.entries))) addToTotals(totals, e, -1);
    const rows: Array<[number, string]> = [];
    for (const p of facts) {
      const entries = contributionsOf(p);
      for (const e of entries) addToTotals(totals, e, 1);
      if (entries.length) rows.push([p.id, encodeEntries(entries)]);
    }
    await applyTotals(em, totals);
    await em.query(`DELETE FROM person_indicator_contribution WHERE person_id IN (${marks})`, ids);
    await insertContributions(em, rows);
    await em.query(`DELETE FROM person_event_day WHERE person_id IN (${marks})`, ids);
    await insertEventDays(em, facts);
  }
}

// Writers that may touch the ledger take this lock FIRST in their transaction (MySQL/MariaDB; SQLite
// runs one transaction at a time anyway). It serialises them, and since it is a locking read, InnoDB's
// snapshot for the transaction's later reads starts only once the lock is held: a refresh then sees
// every record the previous writer committed, and the contribution that writer stored. Without it, two
// concurrent writers for the same person would each subtract the same old contribution.
export async function lockIndicatorLedger(em: Pick<EntityManager, 'query' | 'connection'>): Promise<void> {
  if (isSqlite(em.connection)) return;
  await em.query('SELECT id FROM indicator_summary_state WHERE id = 1 FOR UPDATE');
}

// The same in a transaction of its own (test fixtures, tools that wrote rows directly).
export function refreshPersonIndicatorsNow(ds: DataSource, personIds: Iterable<number>): Promise<void> {
  return inTransaction(ds, async (em) => {
    await lockIndicatorLedger(em);
    await refreshPersonIndicators(em, personIds);
  });
}

export async function setSummaryStale(em: Runner, stale: boolean): Promise<void> {
  const rebuiltAt = stale ? null : new Date().toISOString();
  const tail = isSqlite(em.connection)
    ? ' ON CONFLICT (id) DO UPDATE SET stale = excluded.stale, rebuilt_at = COALESCE(excluded.rebuilt_at, rebuilt_at)'
    : ' ON DUPLICATE KEY UPDATE stale = VALUES(stale), rebuilt_at = COALESCE(VALUES(rebuilt_at), rebuilt_at)';
  await em.query(`INSERT INTO indicator_summary_state (id, stale, rebuilt_at) VALUES (1, ?, ?)${tail}`, [stale ? 1 : 0, rebuiltAt]);
}

// True when the ledger cannot be trusted (no state row counts as stale).
export async function isSummaryStale(em: Pick<EntityManager, 'query'>): Promise<boolean> {
  const rows = (await em.query('SELECT stale FROM indicator_summary_state WHERE id = 1')) as Rows;
  return rows.length === 0 || Number(rows[0].stale) !== 0;
}

// Recomputes the whole ledger from the department tables, walking persons by id range. Marked stale
// meanwhile, so readers use the reference SQL. Run it while nothing writes (npm run migrate, the seed).
export async function rebuildIndicatorSummary(ds: DataSource, onProgress?: (persons: number) => void): Promise<{ persons: number; ms: number }> {
  const started = Date.now();
  await setSummaryStale(ds.manager, true);
  for (const table of ['indicator_day_total', 'person_indicator_contribution', 'person_event_day']) {
    await ds.query(isSqlite(ds) ? `DELETE FROM ${table}` : `TRUNCATE TABLE ${table}`);
  }
  const [range] = (await ds.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM person')) as Rows;
  const totals = new Map<string, number>();
  let persons = 0;
  if (range && range.lo !== null) {
    const [lo, hi] = [Number(range.lo), Number(range.hi)];
    const step = 5000;
    // the next range is read while this one is computed and written
    let next = loadFacts(ds.manager, { from: lo, to: Math.min(hi, lo + step - 1) });
    for (let from = lo; from <= hi; from += step) {
      const facts = await next;
      if (from + step <= hi) {
        next = loadFacts(ds.manager, { from: from + step, to: Math.min(hi, from + 2 * step - 1) });
        next.catch(() => undefined); // a failure surfaces at the await above, not as an unhandled rejection
      }
      const rows: Array<[number, string]> = [];
      for (const p of facts) {
        const entries = contributionsOf(p);
        for (const e of entries) addToTotals(totals, e, 1);
        if (entries.length) rows.push([p.id, encodeEntries(entries)]);
      }
      await inTransaction(ds, async (em) => {
        await insertContributions(em, rows);
        await insertEventDays(em, facts);
      });
      persons += facts.length;
      onProgress?.(persons);
    }
  }
  await inTransaction(ds, async (em) => {
    await applyTotals(em, totals);
    await setSummaryStale(em, false);
  });
  return { persons, ms: Date.now() - started };
}
