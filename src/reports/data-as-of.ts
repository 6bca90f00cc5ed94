import { DataSource } from 'typeorm';
import { DepartmentRecord } from '../common/department-record';
import { readQuery } from '../common/read-replica';
import { Person } from '../core/person.entity';
import { DataAsOfBasis, JointReportMetadata } from './joint-report.types';

// Data as of: the latest change to a department record or a person, or the period end

const isDepartmentTable = (target: unknown) =>
  target === Person || (typeof target === 'function' && target.prototype instanceof DepartmentRecord);

export async function latestRecordUpdate(ds: DataSource): Promise<string | null> {
  const parts = ds.entityMetadatas
    .filter((m) => isDepartmentTable(m.target))
    .map((m) => {
      const column = m.findColumnWithPropertyName('updatedAt');
      return column ? `SELECT MAX(${ds.driver.escape(column.databaseName)}) AS m FROM ${ds.driver.escape(m.tableName)}` : null;
    })
    .filter((s): s is string => s !== null);
  if (!parts.length) return null;
  const [row] = (await readQuery(ds, `SELECT MAX(u.m) AS m FROM (${parts.join(' UNION ALL ')}) u`)) as Array<{ m: unknown }>;
  return toIsoTimestamp(row?.m);
}

// Timestamps are stored in UTC: SQLite's datetime('now'), MySQL's with timezone 'Z'.
export function toIsoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(String(value));
  if (!m) return null;
  const parsed = new Date(`${m[1]}T${m[2]}${m[3] ? m[3].slice(0, 4) : ''}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

// Computed once per report, and only when asked for (it reads every department table).
export function dataAsOf(ds: DataSource, metadata: JointReportMetadata): Promise<{ at: string; basis: DataAsOfBasis }> {
  metadata.lazyDataAsOf ??= latestRecordUpdate(ds).then((at) =>
    at ? { at, basis: DataAsOfBasis.LATEST_RECORD_UPDATE } : { at: metadata.period.to, basis: DataAsOfBasis.PERIOD_END },
  );
  return metadata.lazyDataAsOf;
}
