// Stage: quarantine. Rejected rows kept for correction, with their reasons.
import { EntityManager } from 'typeorm';
import { sha256 } from './hash';
import { Item, MAX_RAW_CHARS, StageContext } from './types';

const clip = (s: string, max = MAX_RAW_CHARS) => (s.length > max ? s.slice(0, max) : s);

// Rejected rows into the quarantine. An entry is identified by its content (department, kind and the
// row as received, which holds its source key), not by the file: the same bad row sent again, from
// this file or one of another name, updates its entry instead of adding one, and an entry already
// resolved (its record corrected and accepted) stays resolved.
export async function quarantine(ctx: StageContext, em: EntityManager, items: Item[]): Promise<void> {
  const { department, source, viewer } = ctx;
  const sql = ctx.sql;
  const rows = items.map((i) => {
    const kind = i.spec?.kind ?? i.row.kind ?? null;
    const raw = clip(i.row.raw);
    const fields = i.row.fields ? JSON.stringify(i.row.fields) : null;
    const fingerprint = sha256(JSON.stringify([department, kind, i.row.raw.trim()]));
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
    [`${sql.q('updated_at')} = ${sql.now}`],
  );
  if (ctx.keepResults) {
    const ids = new Map<string, number>();
    for (const r of await sql.selectIn<{ id: number; fingerprint: string }>(em, 'rejected_record', ['id', 'fingerprint'], 'fingerprint', rows.map((r) => r[7]))) {
      ids.set(r.fingerprint, Number(r.id));
    }
    for (const i of items) i.rejectedRecordId = ids.get((i as Item & { fingerprint: string }).fingerprint) ?? null;
  }
}
