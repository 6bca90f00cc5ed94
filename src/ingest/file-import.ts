// A whole file (CLI) or request body (POST /import/:department) through the readers and the engine,
// audited as one event: who imported what, from which file, with the counts.
import { DataSource } from 'typeorm';
import { Viewer } from '../common/auth/viewer';
import { DistrictTree } from '../districts/district-tree';
import { Department, departmentSlug, RecordKind } from './ingest.enums';
import { auditWrite, ImportSummary, Ingestion } from './ingest.service';
import { Decoded, Encoding, Format, readRows } from './readers';
import { specOf } from './record-kinds';
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
}

export interface FileImportResult extends ImportSummary {
  encoding: string;
}

export async function importFile(input: AsyncIterable<Buffer | string>, options: FileImportOptions): Promise<FileImportResult> {
  const { ds, tree, viewer, department, kind, format } = options;
  if (kind && specOf(kind).department !== department) {
    throw badInput(`${kind} records belong to ${specOf(kind).department}, not ${department}`, 'kind', 'DEPARTMENT');
  }
  const seen: Decoded = { encoding: 'ascii' };
  const ingestion = new Ingestion({ ds, tree, viewer, department, source: options.source, batchSize: options.batchSize, onBatch: options.onBatch });
  let failed = false;
  try {
    for await (const row of readRows(input, { format, kind, encoding: options.encoding ?? 'auto' }, seen)) await ingestion.push(row);
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
