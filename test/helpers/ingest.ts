import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Role, Viewer } from '../../src/policy/viewer';
import { DistrictTree } from '../../src/core/district-tree';
import { FileImportOptions, FileImportResult, importFile } from '../../src/ingest/file-import';
import { Department } from '../../src/ingest/ingest.enums';

export const IMPORTER: Viewer = { sub: 'ingest-test', name: 'Ingest Test', role: Role.ADMIN, district: '640000', purpose: 'automated import test' };

// Imports bytes (a file's content) in-process, as the CLI does.
export async function importBytes(
  ds: DataSource,
  bytes: Buffer | string,
  options: Partial<FileImportOptions> & { department: Department; format: 'csv' | 'ndjson' },
): Promise<FileImportResult> {
  const tree = await DistrictTree.load(ds);
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  // small chunks, so that records and multi-byte characters cross chunk boundaries
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 97) chunks.push(buf.subarray(i, i + 97));
  return importFile(() => Readable.from(chunks), { ds, tree, viewer: IMPORTER, source: 'test.csv', ...options });
}

const TABLES = [
  'person', 'drug_case', 'case_suspect', 'seizure', 'drug_use_detection', 'risk_assessment', 'wastewater_sample', 'precursor_permit',
  'caseworker', 'rehab_centre', 'rehab_programme', 'follow_up_check', 'employment_assistance', 'person_identity', 'identity_conflict', 'rejected_record',
];

const norm = (v: unknown): unknown => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'bigint' ? String(Number(v)) : String(v));

// Every row of every table the ingestion writes, minus updated_at: for "importing twice changes nothing".
export async function dumpTables(ds: DataSource): Promise<Record<string, Array<Record<string, unknown>>>> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of TABLES) {
    const rows = (await ds.query(`SELECT * FROM ${ds.driver.escape(table)} ORDER BY id`)) as Array<Record<string, unknown>>;
    out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'updated_at').map(([k, v]) => [k, norm(v)])));
  }
  return out;
}

// The same, by natural keys only: internal ids (which a rolled-back MySQL transaction may skip) become
// the source key or ID number they stand for, and times of writing are left out. Two databases that
// received the same data compare equal.
export async function naturalSnapshot(ds: DataSource): Promise<Record<string, string[]>> {
  const idNumber = new Map<string, string>();
  for (const p of await ds.query('SELECT id, id_number FROM person')) idNumber.set(String(p.id), p.id_number);
  const keyOf: Record<string, Map<string, string>> = {};
  for (const t of ['drug_case', 'rehab_programme', 'caseworker', 'rehab_centre']) {
    keyOf[t] = new Map();
    for (const r of await ds.query(`SELECT id, source_key FROM ${t}`)) keyOf[t].set(String(r.id), r.source_key);
  }
  const refs: Record<string, (v: unknown) => unknown> = {
    person_id: (v) => idNumber.get(String(v)) ?? v,
    case_id: (v) => keyOf.drug_case.get(String(v)) ?? v,
    programme_id: (v) => keyOf.rehab_programme.get(String(v)) ?? v,
    caseworker_id: (v) => (v == null ? null : keyOf.caseworker.get(String(v))),
    centre_id: (v) => (v == null ? null : keyOf.rehab_centre.get(String(v))),
  };
  const skip = new Set(['id', 'created_at', 'updated_at', 'received_at', 'detected_at', 'resolved_at', 'resolved_record_id', 'fingerprint']);
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = (await ds.query(`SELECT * FROM ${ds.driver.escape(table)}`)) as Array<Record<string, unknown>>;
    out[table] = rows
      .map((r) =>
        JSON.stringify(
          Object.entries(r)
            .filter(([k]) => !skip.has(k) && !(table === 'identity_conflict' && k === 'detected_at'))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, norm(refs[k] ? refs[k](v) : v)]),
        ),
      )
      .sort();
  }
  return out;
}
