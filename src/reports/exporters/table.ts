import { label, ValueFormat } from '../../core/report-column';
import { ReportColumn, reportColumn } from '../report-columns';
import { JointReport, JointReportRow, ReportCell } from '../joint-report.types';

// What every export shares: the columns of the report as definitions, the views of a cell (this
// period, the comparison, change, relative change, rank) and how numbers print.

export type CellView = 'value' | 'compare' | 'change' | 'relative' | 'rank';

export const VIEW_TITLES: Record<CellView, string> = {
  value: '本期',
  compare: '对比期',
  change: '变化量',
  relative: '变化率',
  rank: '排名',
};

export const SUPPRESSED_MARK = '*';

export function viewsOf(report: JointReport): CellView[] {
  return report.comparePeriod ? ['value', 'compare', 'change', 'relative', 'rank'] : ['value', 'rank'];
}

export function columnsOf(report: JointReport): ReportColumn[] {
  return report.metadata.indicators.map((i) => reportColumn(i.indicator) as ReportColumn);
}

// The rows in print order: the districts, then the total.
export function rowsOf(report: JointReport): JointReportRow[] {
  return [...report.rows, report.total];
}

export function rowName(report: JointReport, row: JointReportRow): string {
  return row.isTotal ? `合计（${report.parent.name}）` : row.district.name;
}

export interface ViewedCell {
  number: number | null;
  suppressed: boolean;
}

export function viewCell(cell: ReportCell, view: CellView): ViewedCell {
  switch (view) {
    case 'value':
      return { number: cell.value, suppressed: cell.suppressed };
    case 'compare':
      return { number: cell.compareValue, suppressed: cell.compareSuppressed };
    case 'change':
      return { number: cell.change, suppressed: cell.suppressed || cell.compareSuppressed };
    case 'relative':
      return { number: cell.relativeChange, suppressed: cell.suppressed || cell.compareSuppressed };
    case 'rank':
      return { number: cell.rank, suppressed: cell.suppressed };
  }
}

export function columnHeader(def: ReportColumn, view: CellView): string {
  return view === 'value' ? label(def) : `${def.nameZh}·${VIEW_TITLES[view]}`;
}

// A number as plain text for CSV: no grouping, at most 12 significant digits (0.1 + 0.2 prints 0.3).
export function plainNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

const DIGITS: Record<ValueFormat, number> = { integer: 0, kilograms: 3, tonnes: 3, share: 2, ratio: 1 };

// A number for people to read (the printable page): grouping, units' usual precision, shares in %.
export function displayNumber(format: ValueFormat, n: number, signed = false): string {
  const sign = signed && n > 0 ? '+' : '';
  if (format === 'share') return `${sign}${(n * 100).toFixed(DIGITS.share)}%`;
  const digits = DIGITS[format];
  return sign + n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function displayRelative(n: number): string {
  return `${n > 0 ? '+' : ''}${(n * 100).toFixed(1)}%`;
}

// An axis tick: as few digits as the tick needs (0.5, 1, 1.5; 20%).
export function axisNumber(format: ValueFormat, n: number): string {
  if (format === 'share') return `${Number((n * 100).toFixed(1))}%`;
  return Number(n.toFixed(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}
