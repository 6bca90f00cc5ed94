// The ingestion engine shared by the GraphQL mutations, the CLI and POST /import/:department.
// Rows arrive one at a time (push) and are processed in batches of one kind: every row is validated
// (class-validator, per row, so a bad row never takes others with it), then each batch is committed
// in one transaction: references resolved by source key, persons linked by normalised ID number,
// records upserted by source key, rejected rows quarantined. Re-running any part of an import
// changes nothing that was already committed, which is what makes a killed import safe to re-run.
// Validation of the next batch overlaps the database work of the current one.
import { createHash } from 'node:crypto';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditOutcome } from '../audit/audit-event.entity';
import { appendAuditEvent } from '../audit/audit.service';
import { withinJurisdiction } from '../common/auth/jurisdiction';
import { Viewer } from '../common/auth/viewer';
import { validateIdNumber } from '../common/id-number';
import { inTransaction } from '../common/transactions';
import { DistrictTree } from '../districts/district-tree';
import { addIdentityBaseline } from '../persons/identity-baseline';
import { lockIndicatorLedger, refreshPersonIndicators } from '../districts/indicators/summary/summary.store';
import { Department, IdentityField, RecordKind, UpsertStatus } from './ingest.enums';
import { inputFields, KindSpec, RefRow, specOf } from './record-kinds';
import { Sql } from './sql';
import { localToday, Reason, reasonsOf, VALIDATION_ENV, ValidationEnv } from './validators';

export const DEFAULT_BATCH_SIZE = 1000;
export const MAX_RAW_CHARS = 16_000; // a MySQL TEXT holds 64 KB, i.e. 16,000 characters of up to 4 bytes
const MAX_AUDITED_PERSON_IDS = 5000; // the audit event's person list is a TEXT column too
const DEPARTMENT_ORDER = [Department.PUBLIC_SECURITY, Department.JUSTICE, Department.EMPLOYMENT];
// Tables whose rows feed the indicator ledger through their person_id (summary/contributions.ts)
const LEDGER_TABLES = new Set(['drug_use_detection', 'follow_up_check', 'risk_assessment', 'rehab_programme', 'employment_assistance']);

// One row as a reader or a mutation hands it over.
export interface IncomingRow {
  rowNumber: number; // CSV/NDJSON: line in the file (CSV header = 1); GraphQL: index in the list
  kind: RecordKind | null;
  raw: string; // as received
  fields: Record<string, unknown> | null; // null when the row could not be read
  problems?: Reason[]; // found by the reader (syntax, column count, unknown kind)
}

export interface ItemResult {
  index: number;
  rowNumber: number;
  recordKind: RecordKind | null;
  sourceKey: string | null;
  status: UpsertStatus;
  id: number | null;
  reasons: Reason[];
  rejectedRecordId: number | null;
}

export interface ImportSummary {
  department: Department;
  recordKinds: RecordKind[];
  source: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  balanced: boolean; // read = inserted + updated + unchanged + rejected
  personsCreated: number;
  conflictsDetected: number;
  batches: number;
}

export interface IngestOptions {
  ds: DataSource;
  tree: DistrictTree;
  viewer: Viewer;
  department: Department;
  source: string; // file name, or 'graphql'
  batchSize?: number;
  // GraphQL answers per item with ids; file imports only count
  keepResults?: boolean;
  // false: rejected rows are only reported (a resubmission updates its own quarantine entry)
  quarantine?: boolean;
  onBatch?: (summary: ImportSummary) => void;
}

interface Item {
  index: number;
  row: IncomingRow;
  spec?: KindSpec;
  input?: Record<string, any>;
  reasons: Reason[];
  idNumber?: string;
  idBirthDate?: string;
  gender?: string;
  personId?: number;
  refs: Record<string, RefRow | null>;
  status?: UpsertStatus;
  id?: number | null;
  rejectedRecordId?: number | null;
}

interface Column {
  prop: string;
  db: string;
  type: string;
  scale: number;
}

interface Version {
  name: string;
  birthDate: string;
  residenceDistrictCode: string;
  householdDistrictCode: string | null;
}

// Persons this import has already linked, with a hash of the department's version it wrote: a person
// seen again with the same version needs no database work. Bounded (the oldest are forgotten first) and
// compact: one map entry plus 8 bytes per person, so memory stays flat whatever the file size.
const KNOWN_PERSONS_MAX = 500_000;

class KnownPersons {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: Int32Array;
  private readonly hashes: Uint32Array;
  private next = 0;

  constructor(private readonly max: number) {
    this.ids = new Int32Array(max);
    this.hashes = new Uint32Array(max);
  }

  // the person id when this key was written with this version hash, else undefined
  get(key: string, hash: number): number | undefined {
    const slot = this.slotOf.get(key);
    return slot !== undefined && this.hashes[slot] === hash ? this.ids[slot] : undefined;
  }

  set(key: string, id: number, hash: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      if (this.slotOf.size >= this.max) {
        const oldest = this.slotOf.keys().next().value as string;
        slot = this.slotOf.get(oldest)!;
        this.slotOf.delete(oldest);
      } else slot = this.next++;
      this.slotOf.set(key, slot);
    }
    this.ids[slot] = id;
    this.hashes[slot] = hash;
  }
}

function versionHash(v: Version): number {
  const text = `${v.name}\u0001${v.birthDate}\u0001${v.residenceDistrictCode}\u0001${v.householdDistrictCode ?? ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', '1', 'yes', 'y', '是', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', 'f']);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const clip = (s: string, max = MAX_RAW_CHARS) => (s.length > max ? s.slice(0, max) : s);

// Text fields trimmed, empty text = absent; numbers and booleans from CSV text converted when they
// look like one (otherwise left as text for the validator to name). Unknown fields are reasons.
export function coerce(spec: KindSpec, fields: Record<string, unknown>): { obj: Record<string, any>; reasons: Reason[] } {
  const known = inputFields(spec);
  const obj = new spec.input() as Record<string, any>;
  const reasons: Reason[] = [];
  for (const [key, original] of Object.entries(fields)) {
    if (key === 'recordKind') continue;
    if (!known.has(key)) {
      reasons.push({ field: key.slice(0, 64), rule: 'UNKNOWN_FIELD', message: `not a field of ${spec.kind}` });
      continue;
    }
    let v = original;
    if (typeof v === 'string') {
      v = v.trim();
      if (v === '') v = undefined;
    }
    if (typeof v === 'string') {
      if (spec.numbers.includes(key) || spec.integers.includes(key)) {
        if (NUMERIC.test(v as string)) v = Number(v);
      } else if (spec.booleans.includes(key)) {
        const lower = (v as string).toLowerCase();
        if (TRUE.has(lower)) v = true;
        else if (FALSE.has(lower)) v = false;
      }
    }
    if (v !== undefined) obj[key] = v;
  }
  return { obj, reasons };
}

// Column values compared the way the database stores them.
function normalise(col: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case 'boolean':
      return typeof v === 'boolean' ? v : Number(v) !== 0;
    case 'int':
    case 'integer':
    case 'bigint':
      return Number(v);
    case 'decimal':
      return Number(Number(v).toFixed(col.scale));
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    default:
      return String(v);
  }
}

const columnCache = new WeakMap<DataSource, Map<Function, { table: string; columns: Column[] }>>();
function tableOf(ds: DataSource, entity: Function): { table: string; columns: Column[] } {
  let perDs = columnCache.get(ds);
  if (!perDs) columnCache.set(ds, (perDs = new Map()));
  let info = perDs.get(entity);
  if (!info) {
    const md = ds.getMetadata(entity);
    const seen = new Set<string>();
    const columns: Column[] = [];
    for (const c of md.columns) {
      if (c.isGenerated || c.isCreateDate || c.isUpdateDate || seen.has(c.databaseName)) continue;
      seen.add(c.databaseName);
      const type = typeof c.type === 'string' ? c.type : c.type === Boolean ? 'boolean' : c.type === Number ? 'int' : 'varchar';
      columns.push({ prop: c.propertyName, db: c.databaseName, type, scale: Number(c.scale ?? 0) });
    }
    info = { table: md.tableName, columns };
    perDs.set(entity, info);
  }
  return info;
}

function emptySummary(department: Department, source: string): ImportSummary {
  return { department, recordKinds: [], source, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, balanced: true, personsCreated: 0, conflictsDetected: 0, batches: 0 };
}

export class Ingestion {
  readonly summary: ImportSummary;
  readonly results: ItemResult[] = [];
  // persons touched, for the audit event: the first MAX_AUDITED_PERSON_IDS of them
  readonly personIds = new Set<number>();
  personIdsTruncated = false;
  private readonly sql: Sql;
  private readonly env: ValidationEnv;
  private readonly batchSize: number;
  private pending: IncomingRow[] = [];
  private inflight: Promise<void> | null = null;
  private nextIndex = 0;
  private sinceYield = 0;
  private known: KnownPersons | null = null; // made on first use: GraphQL calls rarely need it

  constructor(private readonly options: IngestOptions) {
    this.sql = new Sql(options.ds);
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
    const items = this.prepare(rows);
    if (this.inflight) await this.inflight; // one batch in the database at a time, in order
    const run = this.apply(items);
    run.catch(() => undefined); // observed by the next await of `inflight`
    this.inflight = run;
  }

  // Validation: no database access, so it can run while the previous batch is being written.
  private prepare(rows: IncomingRow[]): Item[] {
    const { viewer, tree, department } = this.options;
    return rows.map((row) => {
      const item: Item = { index: this.nextIndex++, row, reasons: [...(row.problems ?? [])], refs: {} };
      if (item.reasons.length || !row.fields) {
        if (!item.reasons.length) item.reasons.push({ field: '', rule: 'PARSE', message: 'the row could not be read' });
        if (row.kind) item.spec = specOf(row.kind);
        return item;
      }
      if (!row.kind) {
        item.reasons.push({ field: 'recordKind', rule: 'UNKNOWN_KIND', message: 'record kind missing or unknown' });
        return item;
      }
      const spec = specOf(row.kind);
      item.spec = spec;
      if (spec.department !== department) {
        item.reasons.push({ field: 'recordKind', rule: 'DEPARTMENT', message: `${spec.kind} records belong to ${spec.department}, not ${department}` });
        return item;
      }
      const { obj, reasons } = coerce(spec, row.fields);
      obj[VALIDATION_ENV as unknown as string] = this.env;
      item.input = obj;
      item.reasons.push(...reasons, ...reasonsOf(validateSync(obj, { forbidUnknownValues: false }), obj));
      if (item.reasons.length) return item;
      if (spec.hasPerson) {
        const id = validateIdNumber(obj.idNumber as string);
        if (id.ok) {
          item.idNumber = id.idNumber; // 15-digit legacy numbers become 18
          item.idBirthDate = id.birthDate;
          item.gender = id.gender;
        }
      }
      if (typeof obj.districtCode === 'string' && !withinJurisdiction(viewer, tree, obj.districtCode)) {
        item.reasons.push({ field: 'districtCode', rule: 'JURISDICTION', message: `district ${obj.districtCode} is outside your jurisdiction (${viewer.district})` });
      }
      return item;
    });
  }

  private async apply(items: Item[]): Promise<void> {
    const spec = items.find((i) => i.spec)?.spec;
    const stats = { personsCreated: 0, conflicts: 0 };
    await inTransaction(this.options.ds, async (em) => {
      this.pendingKnown = [];
      stats.personsCreated = 0;
      stats.conflicts = 0;
      for (const i of items) {
        i.status = undefined;
        i.id = null;
      }
      const live = () => items.filter((i) => !i.reasons.length && i.input);
      const touched = new Set<number>(); // persons whose indicator contributions may have changed
      // before any read: see summary.store.ts lockIndicatorLedger
      if (spec && live().length && (spec.hasPerson || LEDGER_TABLES.has(tableOf(this.options.ds, spec.entity).table))) await lockIndicatorLedger(em);
      if (spec && live().length) {
        await this.resolveRefs(em, spec, live());
        // authorise before linking: a row that may not be written never creates or changes a person
        if (live().length) await this.authoriseSourceKeys(em, spec, live());
        if (spec.hasPerson && live().length) await this.linkPersons(em, spec, live(), stats, touched);
        if (live().length) await this.writeRecords(em, spec, live(), touched);
      }
      if (touched.size) await refreshPersonIndicators(em, touched); // same transaction: all or nothing
      const rejected = items.filter((i) => i.reasons.length);
      if (rejected.length && this.options.quarantine !== false) await this.quarantine(em, rejected);
    });
    // committed: count
    this.rememberPersons();
    const s = this.summary;
    s.batches += 1;
    if (spec && !s.recordKinds.includes(spec.kind)) s.recordKinds.push(spec.kind);
    s.personsCreated += stats.personsCreated;
    s.conflictsDetected += stats.conflicts;
    for (const i of items) {
      if (i.reasons.length) i.status = UpsertStatus.REJECTED;
      s.read += 1;
      if (i.status === UpsertStatus.INSERTED) s.inserted += 1;
      else if (i.status === UpsertStatus.UPDATED) s.updated += 1;
      else if (i.status === UpsertStatus.UNCHANGED) s.unchanged += 1;
      else s.rejected += 1;
      if (i.personId && !this.personIds.has(i.personId)) {
        if (this.personIds.size < MAX_AUDITED_PERSON_IDS) this.personIds.add(i.personId);
        else this.personIdsTruncated = true;
      }
      if (this.options.keepResults) {
        const key = i.row.fields?.sourceKey;
        this.results.push({
          index: i.index, rowNumber: i.row.rowNumber, recordKind: i.spec?.kind ?? i.row.kind, sourceKey: typeof key === 'string' ? key.slice(0, 64) : null,
          status: i.status!, id: i.id ?? null, reasons: i.reasons, rejectedRecordId: i.rejectedRecordId ?? null,
        });
      }
    }
    s.balanced = s.read === s.inserted + s.updated + s.unchanged + s.rejected;
    this.options.onBatch?.(s);
  }

  // Records referred to by source key (the case of a suspect, the programme of a check, ...): they
  // must exist, and the derived district must lie inside the writer's jurisdiction.
  private async resolveRefs(em: EntityManager, spec: KindSpec, items: Item[]): Promise<void> {
    const { viewer, tree } = this.options;
    for (const ref of spec.refs) {
      const target = specOf(ref.target);
      const { table, columns } = tableOf(this.options.ds, target.entity);
      const withPerson = columns.some((c) => c.db === 'person_id');
      const keys = items.map((i) => i.input![ref.field]).filter((k): k is string => typeof k === 'string');
      const found = new Map<string, RefRow>();
      if (keys.length) {
        const rows = await this.sql.selectIn<Record<string, unknown>>(em, table, ['id', 'source_key', 'district_code', ...(withPerson ? ['person_id'] : [])], 'source_key', keys);
        for (const r of rows) found.set(this.sql.fold(String(r.source_key)), { id: Number(r.id), districtCode: String(r.district_code), personId: r.person_id == null ? null : Number(r.person_id) });
      }
      for (const i of items) {
        const key = i.input![ref.field];
        if (typeof key !== 'string') {
          i.refs[ref.field] = null;
          continue;
        }
        const row = found.get(this.sql.fold(key)) ?? null;
        i.refs[ref.field] = row;
        if (!row) i.reasons.push({ field: ref.field, rule: 'UNKNOWN_REFERENCE', message: `no ${target.kind} with this source key; send it first` });
      }
    }
    // a district taken from the referred record (a suspect's case, a check's programme)
    const districtRef = spec.refs.find((r) => r.required);
    if (districtRef) {
      for (const i of items) {
        const code = i.refs[districtRef.field]?.districtCode;
        if (code && !withinJurisdiction(viewer, tree, code)) {
          i.reasons.push({ field: districtRef.field, rule: 'JURISDICTION', message: `the record's district ${code} is outside your jurisdiction (${viewer.district})` });
        }
      }
    }
  }

  // The stored record with a row's source key must lie in the writer's jurisdiction too, or another
  // county's record could be taken over by re-using its key. The message names no district.
  private async authoriseSourceKeys(em: EntityManager, spec: KindSpec, items: Item[]): Promise<void> {
    const { viewer, tree } = this.options;
    const { table } = tableOf(this.options.ds, spec.entity);
    const keys = items.map((i) => i.input!.sourceKey as string);
    const outside = new Set<string>();
    for (const r of await this.sql.selectIn<{ source_key: string; district_code: string }>(em, table, ['source_key', 'district_code'], 'source_key', keys)) {
      if (!withinJurisdiction(viewer, tree, String(r.district_code))) outside.add(this.sql.fold(String(r.source_key)));
    }
    for (const i of items) {
      if (outside.has(this.sql.fold(i.input!.sourceKey as string))) {
        i.reasons.push({ field: 'sourceKey', rule: 'JURISDICTION', message: 'this source key belongs to a record outside your jurisdiction' });
      }
    }
  }

  // Persons by normalised ID number, created on first sight; this department's version of each
  // person kept in person_identity; a disagreement with another department's version recorded in
  // identity_conflict. The person row itself follows the department that knew the person first.
  private async linkPersons(
    em: EntityManager, spec: KindSpec, items: Item[], stats: { personsCreated: number; conflicts: number }, touched: Set<number>,
  ): Promise<void> {
    const dept = spec.department;
    const sql = this.sql;
    const final = new Map<string, Version>(); // per folded ID number; the last row of the batch wins
    const sample = new Map<string, Item>();
    for (const i of items) {
      const input = i.input!;
      const key = sql.fold(i.idNumber!);
      final.set(key, {
        name: input.name, birthDate: input.birthDate ?? i.idBirthDate!, residenceDistrictCode: input.residenceDistrictCode,
        householdDistrictCode: input.householdDistrictCode ?? null,
      });
      sample.set(key, i);
    }
    // persons this import already wrote with the same version: nothing to do for them
    const known = (this.known ??= new KnownPersons(this.options.keepResults ? 10_000 : KNOWN_PERSONS_MAX));
    const cached = new Map<string, number>();
    for (const [key, v] of final) {
      const id = known.get(key, versionHash(v));
      if (id !== undefined) {
        cached.set(key, id);
        final.delete(key);
        sample.delete(key);
      }
    }
    if (!final.size) {
      for (const i of items) i.personId = cached.get(sql.fold(i.idNumber!))!;
      return;
    }
    type PersonRow = { id: number; id_number: string; name: string; residence_district_code: string; household_district_code: string | null };
    const persons = new Map<string, PersonRow>();
    const idNumbers = [...sample.values()].map((i) => i.idNumber!);
    for (const p of await sql.selectIn<PersonRow>(em, 'person', ['id', 'id_number', 'name', 'residence_district_code', 'household_district_code'], 'id_number', idNumbers)) {
      persons.set(sql.fold(p.id_number), { ...p, id: Number(p.id) });
    }
    const created = [...sample.keys()].filter((k) => !persons.has(k));
    if (created.length) {
      const rows = created.map((k) => {
        const i = sample.get(k)!;
        const v = final.get(k)!;
        return [i.idNumber, v.name, i.gender, i.idBirthDate, v.residenceDistrictCode, v.householdDistrictCode];
      });
      await sql.upsert(em, 'person', ['id_number', 'name', 'gender', 'birth_date', 'residence_district_code', 'household_district_code'], rows, ['id_number'], []);
      for (const p of await sql.selectIn<PersonRow>(em, 'person', ['id', 'id_number', 'name', 'residence_district_code', 'household_district_code'], 'id_number', created.map((k) => sample.get(k)!.idNumber))) {
        persons.set(sql.fold(p.id_number), { ...p, id: Number(p.id) });
      }
    }
    const isNew = new Set(created);

    type VersionRow = { id: number; person_id: number; department: Department; name: string; birth_date: string; residence_district_code: string; household_district_code: string | null };
    const versions = new Map<number, VersionRow[]>();
    const existingIds = [...persons.entries()].filter(([k]) => !isNew.has(k)).map(([, p]) => p.id);
    if (existingIds.length) {
      // persons written without ingestion (seeded, or from before identity versions) get their baseline first
      const withVersion = new Set((await sql.selectIn<{ person_id: number }>(em, 'person_identity', ['person_id'], 'person_id', existingIds)).map((r) => Number(r.person_id)));
      const bare = existingIds.filter((id) => !withVersion.has(id));
      if (bare.length) await addIdentityBaseline(em, (n) => sql.q(n), bare);
      const rows = await sql.selectIn<VersionRow>(em, 'person_identity', ['id', 'person_id', 'department', 'name', 'birth_date', 'residence_district_code', 'household_district_code'], 'person_id', existingIds);
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      for (const r of rows) {
        const list = versions.get(Number(r.person_id)) ?? [];
        list.push({ ...r, birth_date: normalise({ type: 'date' } as Column, r.birth_date) as string });
        versions.set(Number(r.person_id), list);
      }
    }

    const identityRows: unknown[][] = [];
    const conflictRows: unknown[][] = [];
    const agreed: Array<[number, IdentityField, Department]> = [];
    // No existence oracle: the counts answer as the writer sees persons. One outside their jurisdiction
    // (and not yet known to them through their department's version) counts as created, like one who
    // did not exist, and its conflicts with other departments are recorded for review but not counted.
    const { viewer, tree } = this.options;
    const visible = new Set<number>();
    for (const [key, v] of final) {
      const person = persons.get(key)!;
      const list = versions.get(person.id) ?? [];
      const mine = list.find((r) => r.department === dept);
      const seenBefore = !isNew.has(key) && (withinJurisdiction(viewer, tree, person.residence_district_code) || (!!mine && withinJurisdiction(viewer, tree, mine.residence_district_code)));
      if (seenBefore) visible.add(person.id);
      else stats.personsCreated += 1;
      // an absent household code is not known, not cleared: the department's or the person's stays
      if (v.householdDistrictCode === null) v.householdDistrictCode = mine?.household_district_code ?? (isNew.has(key) ? null : person.household_district_code) ?? null;
      const conflictsBefore = conflictRows.length;
      const changed =
        !mine || mine.name !== v.name || mine.birth_date !== v.birthDate || mine.residence_district_code !== v.residenceDistrictCode || (mine.household_district_code ?? null) !== v.householdDistrictCode;
      if (changed) {
        identityRows.push([person.id, dept, v.name, v.birthDate, v.residenceDistrictCode, v.householdDistrictCode]);
        for (const other of list.filter((r) => r.department !== dept)) {
          const pairs: Array<[IdentityField, string, string]> = [
            [IdentityField.NAME, other.name, v.name],
            [IdentityField.BIRTH_DATE, other.birth_date, v.birthDate],
            [IdentityField.RESIDENCE_DISTRICT, other.residence_district_code, v.residenceDistrictCode],
          ];
          for (const [field, theirs, ours] of pairs) {
            if (theirs === ours) {
              agreed.push([person.id, field, other.department]);
              continue;
            }
            const otherFirst = DEPARTMENT_ORDER.indexOf(other.department) < DEPARTMENT_ORDER.indexOf(dept);
            const [da, va, db, vb] = otherFirst ? [other.department, theirs, dept, ours] : [dept, ours, other.department, theirs];
            conflictRows.push([person.id, field, da, va, db, vb, sha256(JSON.stringify([person.id, field, da, va, db, vb]))]);
          }
        }
      }
      // the person row follows its first department, and only where no other department disagrees:
      // a disagreement waits for review (resolveIdentityConflict), it never renames or moves silently
      const primary = list[0]?.department ?? dept;
      const disputed = conflictRows.length > conflictsBefore || list.some((r) => r.department !== dept && (r.name !== v.name || r.birth_date !== v.birthDate || r.residence_district_code !== v.residenceDistrictCode));
      // a writer may only change a person it can already reach: nobody pulls a person from another
      // county into their own jurisdiction by sending a record (their version is kept, see above)
      const reachable = withinJurisdiction(viewer, tree, person.residence_district_code);
      if (!isNew.has(key) && primary === dept && !disputed && reachable && (person.name !== v.name || person.residence_district_code !== v.residenceDistrictCode || (person.household_district_code ?? null) !== v.householdDistrictCode)) {
        await em.query(
          `UPDATE ${sql.q('person')} SET ${sql.q('name')} = ?, ${sql.q('residence_district_code')} = ?, ${sql.q('household_district_code')} = ?, ${sql.q('updated_at')} = ${sql.now} WHERE ${sql.q('id')} = ?`,
          [v.name, v.residenceDistrictCode, v.householdDistrictCode, person.id],
        );
        if (person.residence_district_code !== v.residenceDistrictCode) touched.add(person.id); // moves their figures
      }
    }
    const cols = ['person_id', 'department', 'name', 'birth_date', 'residence_district_code', 'household_district_code'];
    await sql.upsert(em, 'person_identity', cols, identityRows, ['person_id', 'department'], cols.slice(2), [`${sql.q('updated_at')} = ${sql.now}`]);
    if (conflictRows.length) {
      const known = new Set((await sql.selectIn<{ fingerprint: string }>(em, 'identity_conflict', ['fingerprint'], 'fingerprint', conflictRows.map((r) => r[6]))).map((r) => r.fingerprint));
      const fresh = conflictRows.filter((r, idx) => !known.has(r[6] as string) && conflictRows.findIndex((o) => o[6] === r[6]) === idx);
      await sql.upsert(em, 'identity_conflict', ['person_id', 'field', 'department_a', 'value_a', 'department_b', 'value_b', 'fingerprint'], fresh, ['fingerprint'], []);
      stats.conflicts += fresh.filter((r) => visible.has(r[0] as number)).length;
    }
    // departments that now agree on a detail settle their open conflicts about it
    for (const [personId, field, other] of agreed) {
      await em.query(
        `UPDATE ${sql.q('identity_conflict')} SET ${sql.q('resolved')} = 1, ${sql.q('resolved_at')} = ${sql.now} WHERE ${sql.q('person_id')} = ? AND ${sql.q('field')} = ? AND ${sql.q('resolved')} = 0 AND ((${sql.q('department_a')} = ? AND ${sql.q('department_b')} = ?) OR (${sql.q('department_a')} = ? AND ${sql.q('department_b')} = ?))`,
        [personId, field, dept, other, other, dept],
      );
    }
    for (const i of items) {
      const key = sql.fold(i.idNumber!);
      i.personId = persons.get(key)?.id ?? cached.get(key)!;
    }
    this.pendingKnown = [...final].map(([key, v]) => [key, persons.get(key)!.id, versionHash(v)]);
  }

  // after a commit only: what linkPersons wrote becomes known
  private pendingKnown: Array<[string, number, number]> = [];
  private rememberPersons(): void {
    for (const [key, id, hash] of this.pendingKnown) this.known!.set(key, id, hash);
    this.pendingKnown = [];
  }

  // Upsert by source key; UPDATED only when a stored value changes. Rows with the same source key
  // in one batch apply in order (the later one wins), exactly as if sent one by one.
  private async writeRecords(em: EntityManager, spec: KindSpec, items: Item[], touched: Set<number>): Promise<void> {
    const sql = this.sql;
    const { table, columns } = tableOf(this.options.ds, spec.entity);
    const sourceIdx = columns.findIndex((c) => c.db === 'source_key');
    const personIdx = LEDGER_TABLES.has(table) ? columns.findIndex((c) => c.db === 'person_id') : -1;
    const existing = new Map<string, { id: number; values: unknown[] }>();
    const keys = items.map((i) => i.input!.sourceKey as string);
    for (const r of await sql.selectIn<Record<string, unknown>>(em, table, ['id', ...columns.map((c) => c.db)], 'source_key', keys)) {
      existing.set(sql.fold(String(r.source_key)), { id: Number(r.id), values: columns.map((c) => normalise(c, r[c.db])) });
    }
    const state = new Map<string, { id: number | null; values: unknown[]; dirty: boolean; items: Item[] }>();
    for (const i of items) {
      const row = spec.row(i.input, { personId: i.personId ?? null, refs: i.refs });
      const values = columns.map((c) => normalise(c, row[c.prop]));
      const key = sql.fold(values[sourceIdx] as string);
      let cur = state.get(key);
      if (!cur) {
        const ex = existing.get(key);
        cur = ex ? { id: ex.id, values: ex.values, dirty: false, items: [] } : undefined;
        if (cur) state.set(key, cur);
      }
      if (!cur) {
        state.set(key, { id: null, values, dirty: true, items: [i] });
        i.status = UpsertStatus.INSERTED;
      } else if (values.every((v, idx) => v === cur!.values[idx])) {
        i.status = UpsertStatus.UNCHANGED;
        cur.items.push(i);
      } else {
        if (cur.id !== null) values[sourceIdx] = cur.values[sourceIdx]; // keep the stored spelling of the key
        cur.values = values;
        cur.dirty = true;
        cur.items.push(i);
        i.status = UpsertStatus.UPDATED;
      }
      i.id = cur?.id ?? null;
    }
    const dirty = [...state.entries()].filter(([, s]) => s.dirty);
    if (personIdx >= 0) {
      for (const [key, s] of dirty) {
        touched.add(Number(s.values[personIdx]));
        const before = existing.get(key)?.values[personIdx]; // a record moved to another person leaves the old one
        if (before !== undefined && before !== null) touched.add(Number(before));
      }
    }
    await sql.upsert(em, table, columns.map((c) => c.db), dirty.map(([, s]) => s.values), ['source_key'], columns.filter((c) => c.db !== 'source_key').map((c) => c.db), [`${sql.q('updated_at')} = ${sql.now}`]);
    const inserted = [...state.values()].filter((s) => s.id === null);
    if (this.options.keepResults && inserted.length) {
      const ids = new Map<string, number>();
      for (const r of await sql.selectIn<{ id: number; source_key: string }>(em, table, ['id', 'source_key'], 'source_key', inserted.map((s) => s.values[sourceIdx]))) {
        ids.set(sql.fold(r.source_key), Number(r.id));
      }
      for (const s of inserted) for (const i of s.items) i.id = ids.get(sql.fold(s.values[sourceIdx] as string)) ?? null;
    }
  }

  // Rejected rows into the quarantine; the same row of the same source quarantined again (a re-run)
  // updates its entry instead of adding one, and re-opens it if it had been resolved.
  private async quarantine(em: EntityManager, items: Item[]): Promise<void> {
    const { department, source, viewer } = this.options;
    const sql = this.sql;
    const rows = items.map((i) => {
      const kind = i.spec?.kind ?? i.row.kind ?? null;
      const raw = clip(i.row.raw);
      const fields = i.row.fields ? JSON.stringify(i.row.fields) : null;
      const fingerprint = sha256(JSON.stringify([department, kind, source, i.row.rowNumber, i.row.raw]));
      (i as Item & { fingerprint: string }).fingerprint = fingerprint;
      return [
        department, kind, clip(source, 200), i.row.rowNumber, raw, fields && fields.length <= MAX_RAW_CHARS ? fields : null,
        JSON.stringify(i.reasons.slice(0, 50).map((r) => ({ field: r.field.slice(0, 64), rule: r.rule, message: r.message.slice(0, 300) }))),
        fingerprint, viewer.sub.slice(0, 100), viewer.district,
      ];
    });
    await sql.upsert(
      em, 'rejected_record',
      ['department', 'record_kind', 'source', 'source_row', 'raw', 'fields', 'reasons_json', 'fingerprint', 'submitted_by', 'submitter_district'],
      rows, ['fingerprint'], ['reasons_json', 'fields'],
      [`${sql.q('resolved')} = 0`, `${sql.q('resolved_at')} = NULL`, `${sql.q('resolved_record_id')} = NULL`, `${sql.q('updated_at')} = ${sql.now}`],
    );
    if (this.options.keepResults) {
      const ids = new Map<string, number>();
      for (const r of await sql.selectIn<{ id: number; fingerprint: string }>(em, 'rejected_record', ['id', 'fingerprint'], 'fingerprint', rows.map((r) => r[7]))) {
        ids.set(r.fingerprint, Number(r.id));
      }
      for (const i of items) i.rejectedRecordId = ids.get((i as Item & { fingerprint: string }).fingerprint) ?? null;
    }
  }
}

export interface AuditWriteInput {
  operationName: string;
  document: string;
  summary: ImportSummary;
  personIds: Set<number>;
  personIdsTruncated?: boolean;
  extra?: Record<string, unknown>;
}

// One audit event per mutation call or import: who wrote, what, from which file, with the counts.
export async function auditWrite(ds: DataSource, viewer: Viewer, input: AuditWriteInput): Promise<void> {
  const { summary } = input;
  const ids = [...input.personIds].sort((a, b) => a - b);
  await appendAuditEvent(ds, {
    viewer,
    operationName: input.operationName,
    document: input.document,
    variables: {
      department: summary.department, recordKinds: summary.recordKinds, source: summary.source, read: summary.read, inserted: summary.inserted,
      updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, personsCreated: summary.personsCreated,
      conflictsDetected: summary.conflictsDetected, personIdsRecorded: Math.min(ids.length, MAX_AUDITED_PERSON_IDS),
      personIdsTruncated: !!input.personIdsTruncated || ids.length > MAX_AUDITED_PERSON_IDS, ...input.extra,
    },
    personIds: ids.slice(0, MAX_AUDITED_PERSON_IDS),
    outcome: summary.rejected ? AuditOutcome.PARTIAL : AuditOutcome.ALLOWED,
  });
}



