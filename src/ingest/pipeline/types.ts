// The shapes every stage of the ingestion pipeline shares: a row as read, an item moving through the
// stages, the per-item result and the summary of an import, and the context a stage works in.
import { DataSource } from 'typeorm';
import { Viewer } from '../../policy/viewer';
import { DistrictTree } from '../../core/district-tree';
import { Department, RecordKind, UpsertStatus } from '../ingest.enums';
import { KindSpec, RefRow } from '../record-kinds';
import { Sql } from '../sql';
import { Reason } from '../../core/record-validators';

export const MAX_RAW_CHARS = 16_000; // a MySQL TEXT holds 64 KB, i.e. 16,000 characters of up to 4 bytes

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

export interface Item {
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

// What the stages of one batch need: the database, who writes, for which department, from which source.
export interface StageContext {
  ds: DataSource;
  sql: Sql;
  viewer: Viewer;
  tree: DistrictTree;
  department: Department;
  source: string;
  keepResults?: boolean;
}

export function emptySummary(department: Department, source: string): ImportSummary {
  return { department, recordKinds: [], source, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, balanced: true, personsCreated: 0, conflictsDetected: 0, batches: 0 };
}
