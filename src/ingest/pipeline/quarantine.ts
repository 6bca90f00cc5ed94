// Stage: quarantine. Rejected rows kept for correction, with their reasons.
import { EntityManager } from 'typeorm';
import { KindSpec } from '../record-kinds';
import { sha256 } from './hash';
import { Item, MAX_RAW_CHARS, StageContext } from './types';

const clip = (s: string, max = MAX_RAW_CHARS) => (s.length > max ? s.slice(0, max) : s);
const DISTRICT = /^\d{6}(\d{3}){0,2}$/;

// The district of the record a row describes: the one it names, else that of the record it refers to.
function recordDistrictOf(i: Item): string | null {
  const named = i.row.fields?.districtCode;
  if (typeof named === 'string' && DISTRICT.test(named.trim())) return named.trim();
  for (const ref of Object.values(i.refs)) if (ref?.districtCode) return ref.districtCode;
  return null;
}

function sourceKeyOf(i: Item): string | null {
  const key = i.row.fields?.sourceKey;
  return typeof key === 'string' && key.trim() && key.trim().length <= 64 ? key.trim() : null;
}

// Accepted rows resolve the open entries of the same kind and source key: a corrected record sent
// again (in any file, or over GraphQL) settles its quarantined predecessor.
export async function resolveQuarantined(ctx: StageContext, em: EntityManager, spec: KindSpec, accepted: Item[]): Promise<void> {
  const keys = [...new Set(accepted.map((i) => i.input?.sourceKey).filter((k): k is string => typeof k === 'string'))];
  const sql = ctx.sql;
  for (let start = 0; start < keys.length; start += 5000) {
    const chunk = keys.slice(start, start + 5000);
    await em.query(
      `UPDATE ${sql.q('rejected_record')} SET ${sql.q('resolved')} = 1, ${sql.q('resolved_at')} = ${sql.now}, ${sql.q('updated_at')} = ${sql.now} ` +
        `WHERE ${sql.q('department')} = ? AND ${sql.q('record_kind')} = ? AND ${sql.q('resolved')} = 0 AND ${sql.q('source_key')} IN (${chunk.map(() => '?').join(', ')})`,
      [ctx.department, spec.kind, ...chunk],
    );
  }
}

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
      fingerprint, viewer.sub.slice(0, 100), viewer.district, recordDistrictOf(i), sourceKeyOf(i),
    ];
  });
  await sql.upsert(
    em, 'rejected_record',
    ['department', 'record_kind', 'source', 'source_row', 'raw', 'fields', 'reasons_json', 'fingerprint', 'submitted_by', 'submitter_district', 'record_district', 'source_key'],
    rows, ['fingerprint'], ['reasons_json', 'fields', 'record_district', 'source_key'],
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
