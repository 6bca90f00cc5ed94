import { DataSource } from 'typeorm';
import { Period } from '../common/period';
import { Context } from './context';
import { SumsByCode } from './indicator-sums';
import { KindSpec } from './record-kind';
import { Department } from '../common/department';
import { DepartmentColumns } from './report-column';
import { LedgerFactsSource } from './ledger-facts';
import type { SharedRelations } from './shared-relations';

// One event of a person's history, as a department tells it.
export interface TimelineEntry {
  department: Department;
  kind: string;
  date: string;
  summary: string;
  record: object;
  // ordering within a day: source record id
  id: number;
}

// What a department knows about one person that the person's status is built from (the status
// definitions themselves live in one place: src/persons/user-status.ts).
export interface PersonFacts {
  // days of drug-use detections (public security)
  detectionDays?: string[];
  // days of positive tests during follow-up (justice)
  positiveTestDays?: string[];
  // rehabilitation programmes (justice)
  programmes?: Array<{ start: string; end: string | null; community: boolean }>;
  // employment assistances (employment bureau)
  assistances?: Array<{ start: string; end: string | null; employed: boolean }>;
}

// A department (or another source) plugs into the service through one such object, registered at
// the composition root (src/departments.ts). The cross-department features (persons, indicators,
// reports, ingest) read the registered modules; they never import a department.
export interface DepartmentModule {
  name: string;
  // TypeORM entities
  entities: readonly Function[];
  // type-graphql resolver classes (including its fields on Person and District)
  resolvers: readonly Function[];
  // object types that may appear as a timeline record
  timelineTypes?: readonly Function[];
  // the person's events of this department that the viewer may read (and none other)
  timeline?(personId: number, ctx: Context): Promise<TimelineEntry[]>;
  // facts for the person's status, whatever the viewer's role (the status fields carry their own rules)
  personFacts?(personId: number, ctx: Context): Promise<PersonFacts>;
  // the kinds of record it sends, run through the ingest pipeline (src/ingest)
  recordKinds?: readonly KindSpec[];
  // its part of the district indicators, as sums by the rows' own district code (src/indicators)
  indicators?: IndicatorSource;
  // derived tables over its records that figures joining departments read (src/indicators)
  sharedRelations?: SharedRelations;
  // its part of a person's facts for the indicator ledger (src/indicators/summary/)
  ledgerFacts?: LedgerFactsSource;
  // its own column group of the joint report (src/reports/report-columns.ts): figures that count no persons
  reportColumns?: DepartmentColumns;
}

export interface IndicatorSource {
  // every figure it supplies, from its own tables alone: the reference definition
  reference(ds: DataSource, period: Period, heroinEquivalentTable: string): Promise<SumsByCode>;
  // the figures of rows dated in the period, limited to the tree's codes where a figure goes by the
  // row's own district; the stocks come from the indicator ledger instead
  period(ds: DataSource, period: Period, heroinEquivalentTable: string, codes: readonly string[]): Promise<SumsByCode>;
}

const registered: DepartmentModule[] = [];

export function registerDepartments(modules: readonly DepartmentModule[]): void {
  for (const m of modules) if (!registered.includes(m)) registered.push(m);
}

export function departmentModules(): readonly DepartmentModule[] {
  return registered;
}
