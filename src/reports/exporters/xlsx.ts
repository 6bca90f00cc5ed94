import ExcelJS from 'exceljs';
import { DataAsOfBasis, JointReport } from '../joint-report.types';
import { neutraliseFormula } from './csv';
import { CellView, columnsOf, rowName, rowsOf, SUPPRESSED_MARK, VIEW_TITLES, viewCell, viewsOf } from './table';
import { label, ValueFormat } from '../../core/report-column';

// The joint report as an Excel workbook (exceljs): a sheet per view of the figures (本期, 对比期,
// 变化量, 变化率, 排名), each with Chinese headers, number formats and a frozen header row and name
// columns; and a sheet 说明 with the metadata and every indicator's definition and column group.

const VALUE_FORMATS: Record<ValueFormat, string> = {
  integer: '#,##0',
  kilograms: '#,##0.000',
  tonnes: '#,##0.000',
  share: '0.00%',
  ratio: '0.0',
};
const CHANGE_FORMATS: Record<ValueFormat, string> = {
  integer: '+#,##0;-#,##0;0',
  kilograms: '+#,##0.000;-#,##0.000;0.000',
  tonnes: '+#,##0.000;-#,##0.000;0.000',
  share: '+0.00%;-0.00%;0.00%',
  ratio: '+0.0;-0.0;0.0',
};

function numberFormat(format: ValueFormat, view: CellView): string {
  if (view === 'relative') return '+0.0%;-0.0%;0.0%';
  if (view === 'rank') return '0';
  return view === 'change' ? CHANGE_FORMATS[format] : VALUE_FORMATS[format];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
const text = (s: string) => neutraliseFormula(s);

export interface XlsxExtras {
  dataAsOf: string;
  dataAsOfBasis: DataAsOfBasis;
}

export async function jointReportXlsx(report: JointReport, extras: XlsxExtras): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jindu-graph';
  wb.created = new Date(report.metadata.generatedAt);
  const columns = columnsOf(report);
  const periodText = (p: { from: string; to: string }) => `${p.from} 至 ${p.to}`;

  for (const view of viewsOf(report)) {
    const ws = wb.addWorksheet(VIEW_TITLES[view], { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    ws.columns = [
      { header: '区划代码', key: 'code', width: 10 },
      { header: '地区', key: 'name', width: 22 },
      ...columns.map((def) => ({ header: text(label(def)), key: def.key, width: 14 })),
    ];
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.height = 42;
    header.eachCell((c) => (c.fill = HEADER_FILL));
    for (const row of rowsOf(report)) {
      const values: Array<string | number | null> = [text(row.district.code), text(rowName(report, row))];
      for (const cell of row.values) {
        const c = viewCell(cell, view);
        values.push(c.suppressed ? SUPPRESSED_MARK : c.number);
      }
      const added = ws.addRow(values);
      if (row.isTotal) added.font = { bold: true };
      columns.forEach((def, i) => {
        const xc = added.getCell(i + 3);
        xc.numFmt = numberFormat(def.format, view);
        if (xc.value === SUPPRESSED_MARK) xc.alignment = { horizontal: 'right' };
      });
    }
  }

  const notes = wb.addWorksheet('说明');
  notes.columns = [
    { key: 'a', width: 24 },
    { key: 'b', width: 28 },
    { key: 'c', width: 30 },
    { key: 'd', width: 12 },
    { key: 'e', width: 60 },
    { key: 'f', width: 60 },
    { key: 'g', width: 40 },
  ];
  const m = report.metadata;
  const facts: Array<[string, string]> = [
    ['报表 Report', '禁毒工作联合报表 Joint drug-control report'],
    ['上级区划 Parent', `${report.parent.name} ${report.parent.code}`],
    ['行级别 Level', report.level === 'CITY' ? '地级市 CITY' : '县区 COUNTY'],
    ['统计期间 Period', `${periodText(report.period)}（${report.period.days}天）`],
    ['对比期间 Comparison', report.comparePeriod ? `${periodText(report.comparePeriod)}（${report.comparePeriod.days}天）` : '无 none'],
    ['生成时间 Generated at', m.generatedAt],
    ['数据截止 Data as of', `${extras.dataAsOf}（${extras.dataAsOfBasis === DataAsOfBasis.LATEST_RECORD_UPDATE ? '最近一次记录更新 latest record update' : '统计截止日 period end'}）`],
    ['折合海洛因系数表 Heroin-equivalent table', m.heroinEquivalentTable],
    ['小数抑制 Suppression', m.suppression.applied ? `启用：阈值 ${m.suppression.threshold}，隐去 ${m.suppression.suppressedCells} 个单元格` : '未启用 not applied'],
  ];
  for (const [k, v] of facts) notes.addRow([text(k), text(v)]).getCell(1).font = { bold: true };
  for (const note of m.notes) notes.addRow([text('说明 Note'), text(note)]);
  notes.addRow([text('符号 Marks'), text('* 依小数抑制规则隐去；空白为分母为0的比率或无对比值。 * withheld by suppression; blank: a rate with a zero denominator, or no comparison value.')]);
  notes.addRow([]);
  const defHeader = notes.addRow(['指标键 Key', '中文名称', 'Name', '单位 Unit', '中文口径', 'Definition', '指标组 Group']);
  defHeader.font = { bold: true };
  defHeader.eachCell((c) => (c.fill = HEADER_FILL));
  for (const i of m.indicators) {
    const r = notes.addRow([text(i.indicator), text(i.nameZh), text(i.nameEn), text(i.unitZh), text(i.definitionZh), text(i.definitionEn), text(i.groupLabel)]);
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
