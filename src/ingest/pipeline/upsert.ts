// Stage: upsert. Records written by source key, compared column by column with what is stored.
import { EntityManager } from 'typeorm';
import { UpsertStatus } from '../ingest.enums';
import { KindSpec } from '../record-kinds';
import { normalise, tableOf } from './columns';
import { ledgerTables } from '../../indicators/summary/summary.store';
import { Item, StageContext } from './types';

// Upsert by source key; UPDATED only when a stored value changes. Rows with the same source key
// in one batch apply in order (the later one wins), exactly as if sent one by one.
export async function upsertRecords(ctx: StageContext, em: EntityManager, spec: KindSpec, items: Item[], touched: Set<number>): Promise<void> {
  const sql = ctx.sql;
  const { table, columns } = tableOf(ctx.ds, spec.entity);
  const sourceIdx = columns.findIndex((c) => c.db === 'source_key');
  const personIdx = ledgerTables().has(table) ? columns.findIndex((c) => c.db === 'person_id') : -1;
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
    } else if (values.every((v, idx) => v === cur.values[idx])) {
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
  if (ctx.keepResults && inserted.length) {
    const ids = new Map<string, number>();
    for (const r of await sql.selectIn<{ id: number; source_key: string }>(em, table, ['id', 'source_key'], 'source_key', inserted.map((s) => s.values[sourceIdx]))) {
      ids.set(sql.fold(r.source_key), Number(r.id));
    }
    for (const s of inserted) for (const i of s.items) i.id = ids.get(sql.fold(s.values[sourceIdx] as string)) ?? null;
  }
}
