// Stage: summarise. A committed batch counted into the import's summary (and the per-item results a
// GraphQL caller gets), and one audit event per mutation call or import.
import { DataSource } from 'typeorm';
import { AuditOutcome } from '../../audit/audit-event.entity';
import { appendAuditEvent } from '../../audit/audit.service';
import { Viewer } from '../../policy/viewer';
import { UpsertStatus } from '../ingest.enums';
import { KindSpec } from '../record-kinds';
import { ImportSummary, Item, ItemResult } from './types';

export const MAX_AUDITED_PERSON_IDS = 5000; // the audit event's person list is a TEXT column too

export interface Tally {
  summary: ImportSummary;
  results: ItemResult[];
  personIds: Set<number>;
  personIdsTruncated: boolean;
  keepResults?: boolean;
}

// Counts a committed batch: every item ends INSERTED, UPDATED, UNCHANGED or REJECTED.
export function summariseBatch(t: Tally, spec: KindSpec | undefined, items: Item[], stats: { personsCreated: number; conflicts: number }): void {
  const s = t.summary;
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
    if (i.personId && !t.personIds.has(i.personId)) {
      if (t.personIds.size < MAX_AUDITED_PERSON_IDS) t.personIds.add(i.personId);
      else t.personIdsTruncated = true;
    }
    if (t.keepResults) {
      const key = i.row.fields?.sourceKey;
      t.results.push({
        index: i.index, rowNumber: i.row.rowNumber, recordKind: i.spec?.kind ?? i.row.kind, sourceKey: typeof key === 'string' ? key.slice(0, 64) : null,
        status: i.status!, id: i.id ?? null, reasons: i.reasons, rejectedRecordId: i.rejectedRecordId ?? null,
      });
    }
  }
  s.balanced = s.read === s.inserted + s.updated + s.unchanged + s.rejected;
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
