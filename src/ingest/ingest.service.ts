// The ingestion engine shared by the GraphQL mutations, the CLI and POST /import/:department: the
// stages of src/ingest/pipeline/ run in order (decode and parse happen in the readers):
//   validate -> [one transaction: references -> authorise -> link identity -> upsert -> quarantine] -> summarise
// Rows arrive one at a time (push) and are processed in batches of one kind. Validation needs no
// database, so the next batch is validated while the current one is written. A row is authorised
// before any identity is linked, so a row that may not be written changes nothing but the quarantine.
// Re-running any part of an import changes nothing that was already committed, which is what makes
// a killed import safe to re-run.
import { inTransaction } from '../common/transactions';
import { ledgerTables, lockIndicatorLedger, refreshPersonIndicators } from '../indicators/summary/summary.store';
import { authoriseSourceKeys } from './pipeline/authorise';
import { tableOf } from './pipeline/columns';
import { KNOWN_PERSONS_MAX, KnownPersons, linkPersons } from './pipeline/link-identity';
import { quarantine, resolveQuarantined } from './pipeline/quarantine';
import { resolveReferences } from './pipeline/references';
import { summariseBatch } from './pipeline/summarise';
import { emptySummary, ImportSummary, IncomingRow, IngestOptions, Item, ItemResult, StageContext } from './pipeline/types';

import { upsertRecords } from './pipeline/upsert';
import { validateRows } from './pipeline/validate';
import { Sql } from './sql';
import { localToday, ValidationEnv } from '../core/record-validators';

export { auditWrite } from './pipeline/summarise';

export type { ImportSummary, IncomingRow, ItemResult } from './pipeline/types';

export const DEFAULT_BATCH_SIZE = 1000;

export class Ingestion {
  readonly summary: ImportSummary;
  readonly results: ItemResult[] = [];
  // persons touched, for the audit event: the first MAX_AUDITED_PERSON_IDS of them
  readonly personIds = new Set<number>();
  personIdsTruncated = false;
  private readonly ctx: StageContext;
  private readonly env: ValidationEnv;
  private readonly batchSize: number;
  private pending: IncomingRow[] = [];
  private inflight: Promise<void> | null = null;
  private nextIndex = 0;
  private sinceYield = 0;
  private known: KnownPersons | null = null; // made on first use: GraphQL calls rarely need it

  get keepResults(): boolean {
    return !!this.options.keepResults;
  }

  constructor(private readonly options: IngestOptions) {
    const { ds, viewer, tree, department, source, keepResults } = options;
    this.ctx = { ds, sql: new Sql(ds), viewer, tree, department, source, keepResults };
    this.summary = emptySummary(options.department, options.source);
    this.env = { districts: new Set(options.tree.all().map((d) => d.code)), today: localToday() };
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async push(row: IncomingRow): Promise<void> {
    if (this.pending.length && (this.pending.length >= this.batchSize || row.kind !== this.pending[0].kind)) await this.flush();
    this.pending.push(row);
    // a reader hands rows over in microtasks; let the database's answers in now and then, so that
    // the batch being written does not wait for the next one to be read
    if (this.inflight && ++this.sinceYield >= 50) {
      this.sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // Commits what is pending and waits for every batch; the summary is final afterwards.
  async finish(): Promise<ImportSummary> {
    if (this.pending.length) await this.flush();
    if (this.inflight) await this.inflight;
    this.inflight = null;
    return this.summary;
  }

  private async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    const { viewer, tree, department } = this.options;
    const items = validateRows(rows, { viewer, tree, department, env: this.env, nextIndex: () => this.nextIndex++ });
    if (this.inflight) await this.inflight; // one batch in the database at a time, in order
    const run = this.apply(items);
    run.catch(() => undefined); // observed by the next await of `inflight`
    this.inflight = run;
  }

  private async apply(items: Item[]): Promise<void> {
    const ctx = this.ctx;
    const spec = items.find((i) => i.spec)?.spec;
    const stats = { personsCreated: 0, conflicts: 0 };
    let linked: Array<[string, number, number]> = [];
    await inTransaction(ctx.ds, async (em) => {
      linked = [];
      stats.personsCreated = 0;
      stats.conflicts = 0;
      for (const i of items) {
        i.status = undefined;
        i.id = null;
      }
      const live = () => items.filter((i) => !i.reasons.length && i.input);
      const touched = new Set<number>(); // persons whose indicator contributions may have changed
      // before any read: see summary.store.ts lockIndicatorLedger
      if (spec && live().length && (spec.hasPerson || ledgerTables().has(tableOf(ctx.ds, spec.entity).table))) await lockIndicatorLedger(em);
      if (spec && live().length) {
        await resolveReferences(ctx, em, spec, live());
        // authorise before linking: a row that may not be written never creates or changes a person
        if (live().length) await authoriseSourceKeys(ctx, em, spec, live());
        if (spec.hasPerson && live().length) {
          const known = (this.known ??= new KnownPersons(ctx.keepResults ? 10_000 : KNOWN_PERSONS_MAX));
          linked = await linkPersons(ctx, known, em, spec, live(), stats, touched);
        }
        if (live().length) await upsertRecords(ctx, em, spec, live(), touched);
        const accepted = live();
        if (accepted.length) await resolveQuarantined(ctx, em, spec, accepted);
      }
      if (touched.size) await refreshPersonIndicators(em, touched); // same transaction: all or nothing
      const rejected = items.filter((i) => i.reasons.length);
      if (rejected.length && this.options.quarantine !== false) await quarantine(ctx, em, rejected);
    });
    // committed: what linking wrote becomes known, and the batch is counted
    for (const [key, id, hash] of linked) this.known!.set(key, id, hash);
    summariseBatch(this, spec, items, stats);
    this.options.onBatch?.(this.summary);
  }
}
