// Stage: authorise, before any identity is linked or record written. The district a row names was
// checked in validate, the district of a record it refers to in references; here the stored record a
// source key points at. A row that fails is rejected with rule JURISDICTION and changes nothing.
import { EntityManager } from 'typeorm';
import { withinJurisdiction } from '../../policy/jurisdiction';
import { KindSpec } from '../record-kinds';
import { tableOf } from './columns';
import { Item, StageContext } from './types';

// The stored record with a row's source key must lie in the writer's jurisdiction too, or another
// county's record could be taken over by re-using its key. The message names no district.
export async function authoriseSourceKeys(ctx: StageContext, em: EntityManager, spec: KindSpec, items: Item[]): Promise<void> {
  const { viewer, tree } = ctx;
  const { table } = tableOf(ctx.ds, spec.entity);
  const keys = items.map((i) => i.input!.sourceKey as string);
  const outside = new Set<string>();
  for (const r of await ctx.sql.selectIn<{ source_key: string; district_code: string }>(em, table, ['source_key', 'district_code'], 'source_key', keys)) {
    if (!withinJurisdiction(viewer, tree, String(r.district_code))) outside.add(ctx.sql.fold(String(r.source_key)));
  }
  for (const i of items) {
    if (outside.has(ctx.sql.fold(i.input!.sourceKey as string))) {
      i.reasons.push({ field: 'sourceKey', rule: 'JURISDICTION', message: 'this source key belongs to a record outside your jurisdiction' });
    }
  }
}
