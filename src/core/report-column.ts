import { Period } from '../common/period';
import { ScopeOwner } from './context';

// A column of the joint report, as whoever supplies it declares it: the figures of the indicator
// ledger (src/indicators/indicator-definitions.ts) and the column groups departments register
// (DepartmentModule.reportColumns) are both read through this shape, so that the report, its CSV,
// XLSX and printable page, and the `group=` filter of the export URLs list one catalogue.

// What a figure counts; PERSON_COUNT figures (and rates built on persons) are the ones the release
// (noise and small-cell suppression) applies to.
export enum IndicatorKind {
  PERSON_COUNT = 'PERSON_COUNT',
  RECORD_COUNT = 'RECORD_COUNT',
  ATTENDANCE = 'ATTENDANCE',
  QUANTITY = 'QUANTITY',
  RATE = 'RATE',
  RATIO = 'RATIO',
}

// How exporters print a value: whole numbers, kilograms, tonnes, a share 0..1 (as a percentage), a ratio.
export type ValueFormat = 'integer' | 'kilograms' | 'tonnes' | 'share' | 'ratio';

// Columns shown together, under one label, and exported alone with `group=<key>`.
export interface ColumnGroup {
  key: string;
  label: string;
}

export interface ColumnDefinition {
  // column key, unique across the report
  key: string;
  group: ColumnGroup;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  unitZh: string;
  unitEn: string;
  kind: IndicatorKind;
  format: ValueFormat;
}

// One figure per column key for a district; null for an empty rate.
export type ColumnValues = Readonly<Record<string, number | null>>;

// A department's own column group: figures of district-level records that identify nobody (events,
// places, attendance), shown as they are to every role that reads the report. Counts of persons are
// not accepted here: they go through the indicator ledger and its release.
export interface DepartmentColumns {
  group: ColumnGroup;
  columns: readonly ColumnDefinition[];
  // the figures of each district asked for (its own records and those of the districts below it)
  figures(ctx: ScopeOwner, period: Period, codes: readonly string[]): Promise<ReadonlyMap<string, ColumnValues>>;
}

export function label(def: ColumnDefinition): string {
  return def.unitZh ? `${def.nameZh}（${def.unitZh}）` : def.nameZh;
}
