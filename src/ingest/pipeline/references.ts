// Stage: references. Records referred to by source key (a suspect's case, a check's programme, a
// programme's caseworker) are looked up; a missing one rejects the row (UNKNOWN_REFERENCE).
import { EntityManager } from 'typeorm';
import { withinJurisdiction } from '../../policy/jurisdiction';
import { KindSpec, RefRow, specOf } from '../record-kinds';
import { tableOf } from './columns';
import { Item, StageContext } from './types';

// Records referred to by source key (the case of a suspect, the programme of a check, ...): they
// must exist, and the derived district must lie inside the writer's jurisdiction.
export async function resolveReferences(ctx: StageContext, em: EntityManager, spec: KindSpec, items: Item[]): Promise<void> {
  const { viewer, tree } = ctx;
  for (const ref of spec.refs) {
    const target = specOf(ref.target);
    const { table, columns } = tableOf(ctx.ds, target.entity);
    const withPerson = columns.some((c) => c.db === 'person_id');
    const keys = items.map((i) => i.input![ref.field]).filter((k): k is string => typeof k === 'string');
    const found = new Map<string, RefRow>();
    if (keys.length) {
      const rows = await ctx.sql.selectIn<Record<string, unknown>>(em, table, ['id', 'source_key', 'district_code', ...(withPerson ? ['person_id'] : [])], 'source_key', keys);
      for (const r of rows) found.set(ctx.sql.fold(String(r.source_key)), { id: Number(r.id), districtCode: String(r.district_code), personId: r.person_id == null ? null : Number(r.person_id) });
    }
    for (const i of items) {
      const key = i.input![ref.field];
      if (typeof key !== 'string') {
        i.refs[ref.field] = null;
        continue;
      }
      const row = found.get(ctx.sql.fold(key)) ?? null;
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
