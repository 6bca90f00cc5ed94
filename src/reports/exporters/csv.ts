import { JointReport } from '../joint-report.types';
import { groupHeader } from './column-groups';
import { columnGroups } from '../report-columns';
import { CellView, columnHeader, columnsOf, plainNumber, rowName, rowsOf, SUPPRESSED_MARK, viewCell, viewsOf } from './table';

// The joint report as CSV: UTF-8 with a byte-order mark (so that Excel reads the Chinese), two header
// rows (the indicator group over the first column of its run, then each column's name in Chinese), a
// row per district and the total; '*' marks a suppressed cell, an empty cell an empty rate. Numbers
// are plain (rates as shares 0..1); text cells are quoted and neutralised.

export const CSV_BOM = '\uFEFF';
export const GROUP_ROW_TITLE = '指标组 Group';

// A text cell that a spreadsheet would take for a formula (= + - @, or a leading tab or carriage
// return) gets a leading apostrophe. Numbers written by the report are never text, so a negative
// change stays a number.
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvText(text: string): string {
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}

export function csvLine(cells: Array<string | number | null>): string {
  return cells.map((c) => (c === null ? '' : typeof c === 'number' ? plainNumber(c) : csvText(c))).join(',');
}

export function jointReportCsv(report: JointReport): string {
  const columns = columnsOf(report);
  const views: CellView[] = viewsOf(report);
  const groups = [GROUP_ROW_TITLE, '', ...groupHeader(columns, () => views.length)];
  const header = ['区划代码', '地区', ...columns.flatMap((def) => views.map((v) => columnHeader(def, v)))];
  const lines = [csvLine(groups), csvLine(header)];
  for (const row of rowsOf(report)) {
    const cells: Array<string | number | null> = [row.district.code, rowName(report, row)];
    row.values.forEach((cell) => {
      for (const view of views) {
        const c = viewCell(cell, view);
        cells.push(c.suppressed ? SUPPRESSED_MARK : c.number);
      }
    });
    lines.push(csvLine(cells));
  }
  // after one empty line, a legend for whoever opens the file (data rows are never empty)
  lines.push('', ...csvLegend(report).map((text) => csvLine([text])));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

// What the marks mean and the rule that applied, in Chinese and English.
export function csvLegend(report: JointReport): string[] {
  const { applied, threshold, suppressedCells } = report.metadata.suppression;
  const legend = [
    '说明 Legend',
    '* = 该数值不公布 (withheld): 加入扰动后人数小于 ' + String(threshold) + ', 或可由其他公布数值推算出被隐藏的数值 (a count of persons below ' +
      String(threshold) + ' after the release noise of docs/RELEASE-RULES.md, or a cell that would let a withheld one be worked out from the others).',
    '空白 = 分母为 0 的比率 (empty: a rate whose denominator is 0).',
    '比率为 0 至 1 的小数, 保留 4 位; 千克保留 3 位 (rates are shares 0..1 with 4 decimals; kilograms 3 decimals).',
    '第一行为指标组, 名称位于该组第一列上方; 参数 group= 可只导出一组 (the first line names the indicator group above the first column of its run; group= on the URL exports one group: ' +
      columnGroups().map((g) => g.key).join(', ') + ').',
  ];
  legend.push(applied ? `本报表已抑制 ${suppressedCells} 个单元格 (${suppressedCells} cells withheld in this report).` : '本报表未启用小数抑制 (no suppression: the role reads exact figures).');
  return legend;
}
