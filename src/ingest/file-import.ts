// A whole file (CLI) or request body (POST /import/:department) through the readers and the engine,
// audited as one event: who imported what, from which file, with the counts. The file is read twice:
// first checked whole (encoding, CSV header, at least one row), so that a file that cannot be read is
// refused before any row is committed; then imported.
import { DataSource } from 'typeorm';
import { Viewer } from '../policy/viewer';
import { DistrictTree } from '../core/district-tree';
import { Department, RecordKind } from './ingest.enums';
import { auditWrite, ImportSummary, Ingestion } from './ingest.service';
import { Decoded, Encoding, Format, readRows } from './readers';
import { departmentSlug, specOf } from './record-kinds';
import { badInput } from '../common/errors';

export interface FileImportOptions {
  ds: DataSource;
  tree: DistrictTree;
  viewer: Viewer;
  department: Department;
  source: string; // the file name recorded in the quarantine and the audit trail
  format: Format;
  kind?: RecordKind;
  encoding?: Encoding;
  batchSize?: number;
  onBatch?: (summary: ImportSummary) => void;
  checked?: boolean; // checkFile has passed already (the HTTP route checks before answering 200)
}

export interface FileImportResult extends ImportSummary {
  encoding: string;
}

// Opens the file (or the spooled request body) from its start; called once per pass.
export type OpenInput = () => AsyncIterable<Buffer | string>;

// The first pass: throws BAD_USER_INPUT (rule ENCODING, CSV_HEADER, UNKNOWN_KIND or EMPTY) for a file
// that cannot be imported at all; nothing is written.
export async function checkFile(open: OpenInput, options: { format: Format; kind?: RecordKind; encoding?: Encoding }): Promise<number> {
  let rows = 0;
  for await (const _row of readRows(open(), { format: options.format, kind: options.kind, encoding: options.encoding ?? 'auto' })) rows += 1;
  if (!rows) throw badInput('the file holds no rows (empty, or a header only); nothing was imported', 'file', 'EMPTY');
  return rows;
}

export async function importFile(open: OpenInput, options: FileImportOptions): Promise<FileImportResult> {
  const { ds, tree, viewer, department, kind, format } = options;
  if (kind && specOf(kind).department !== department) {
    throw badInput(`${kind} records belong to ${specOf(kind).department}, not ${department}`, 'kind', 'DEPARTMENT');
  }
  if (!options.checked) await checkFile(open, options);
  const seen: Decoded = { encoding: 'ascii' };
  const ingestion = new Ingestion({ ds, tree, viewer, department, source: options.source, batchSize: options.batchSize, onBatch: options.onBatch });
  let failed = false;
  try {
    for await (const row of readRows(open(), { format, kind, encoding: options.encoding ?? 'auto' }, seen)) await ingestion.push(row);
    await ingestion.finish();
  } catch (err) {
    failed = true;
    await ingestion.finish().catch(() => undefined);
    throw err;
  } finally {
    // also when the import fails half-way: what was committed is on record
    if (ingestion.summary.read > 0 || !failed) {
      const slug = departmentSlug(department);
      await auditWrite(ds, viewer, {
        operationName: `import:${slug}`,
        document: `import ${slug} kind=${kind ?? '(per row)'} format=${format} file=${options.source}`,
        summary: ingestion.summary,
        personIds: ingestion.personIds, personIdsTruncated: ingestion.personIdsTruncated,
        extra: { file: options.source, format, encoding: seen.encoding, ...(failed ? { failed: true } : {}) },
      });
    }
  }
  return { ...ingestion.summary, encoding: seen.encoding };
}
