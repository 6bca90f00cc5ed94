import { ColumnGroup } from '../../core/report-column';
import { ReportColumn } from '../report-columns';

// One cell per column: the group's label over the first column of each run of its columns, empty
// over the rest (a spreadsheet shows the label spanning the run). The groups are the columns' own
// (src/reports/report-columns.ts).
export function groupHeader(columns: readonly ReportColumn[], width: (def: ReportColumn) => number): string[] {
  const out: string[] = [];
  let previous: ColumnGroup | null = null;
  for (const def of columns) {
    for (let i = 0; i < width(def); i++) out.push(def.group !== previous && i === 0 ? def.group.label : '');
    previous = def.group;
  }
  return out;
}
