import { barChart, escapeXml as esc, lineChart } from '../charts';
import { KEY_INDICATORS } from '../../indicators/indicator-definitions';
import { ColumnGroup, label } from '../../core/report-column';
import { ReportColumn } from '../report-columns';
import { HistoryPoint } from '../joint-report.service';
import { DataAsOfBasis, JointReport, JointReportRow, ReportCell } from '../joint-report.types';
import { axisNumber, columnsOf, displayNumber, displayRelative, plainNumber, rowName } from './table';

// The printable joint report: one self-contained HTML page (inline CSS and SVG; no script, no web
// font, nothing fetched when it is viewed or printed). Every figure cell carries its raw number in
// data-value, so that a test or a script can read the page back.

// Tables of at most this many columns each, so that the page prints on A4 landscape: a column group
// (src/reports/report-columns.ts) with more is drawn as several tables of near-equal width.
const MAX_TABLE_COLUMNS = 6;

const CSS = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC','WenQuanYi Zen Hei','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif; color: #111827; margin: 16px 24px; font-size: 12px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 2px solid #1f2937; padding-bottom: 3px; }
h3 { font-size: 13px; margin: 14px 0 6px; color: #374151; }
.sub { color: #374151; margin: 0 0 8px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.meta dt { color: #6b7280; } dl.meta dd { margin: 0; }
table.figures { border-collapse: collapse; margin: 4px 0 10px; }
table.figures th, table.figures td { border: 1px solid #d1d5db; padding: 3px 6px; vertical-align: top; }
table.figures th { background: #f3f4f6; font-weight: 600; text-align: center; max-width: 130px; }
table.figures td.num { text-align: right; min-width: 84px; }
table.figures td.name { white-space: nowrap; }
table.figures tr.total td { font-weight: 700; background: #f9fafb; border-top: 2px solid #6b7280; }
.v { display: block; font-size: 13px; }
.cmp, .rk { display: block; color: #6b7280; font-size: 10px; font-weight: 400; }
.up { color: #b91c1c; } .down { color: #047857; }
.tables { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
.group { break-inside: avoid; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; }
.charts figure { margin: 0; break-inside: avoid; }
ul.notes { margin: 4px 0; padding-left: 18px; color: #374151; }
table.defs { border-collapse: collapse; width: 100%; font-size: 11px; }
table.defs th, table.defs td { border: 1px solid #e5e7eb; padding: 3px 6px; text-align: left; vertical-align: top; }
thead { display: table-header-group; } tr { break-inside: avoid; }
section { break-inside: auto; }
`;

export interface HtmlExtras {
  dataAsOf: string;
  dataAsOfBasis: DataAsOfBasis;
  history: HistoryPoint[];
}

function cellHtml(def: ReportColumn, cell: ReportCell, withCompare: boolean, ranked: boolean): string {
  const attrs = `data-indicator="${esc(def.key)}" data-value="${cell.value === null ? '' : plainNumber(cell.value)}" data-suppressed="${cell.suppressed}"`;
  const main = cell.suppressed ? '*' : cell.value === null ? '—' : displayNumber(def.format, cell.value);
  let extra = '';
  if (withCompare) {
    const before = cell.compareSuppressed ? '*' : cell.compareValue === null ? '—' : displayNumber(def.format, cell.compareValue);
    const trend = cell.change === null ? '' : cell.change > 0 ? 'up' : cell.change < 0 ? 'down' : '';
    const change = cell.change === null ? '' : ` · <span class="${trend}">${esc(displayNumber(def.format, cell.change, true))}</span>`;
    const rel = cell.relativeChange === null ? '' : ` (${esc(displayRelative(cell.relativeChange))})`;
    extra += `<span class="cmp">对比 ${esc(before)}${change}${rel}</span>`;
  }
  if (ranked && cell.rank !== null) extra += `<span class="rk">第${cell.rank}位</span>`;
  return `<td class="num" ${attrs}><span class="v">${esc(main)}</span>${extra}</td>`;
}

function rowHtml(report: JointReport, row: JointReportRow, defs: ReportColumn[], index: Map<string, number>): string {
  const withCompare = !!report.comparePeriod;
  const cells = defs.map((def) => cellHtml(def, row.values[index.get(def.key) as number], withCompare, !row.isTotal)).join('');
  return `<tr class="${row.isTotal ? 'total' : 'district'}" data-code="${esc(row.district.code)}"><td class="name">${esc(rowName(report, row))}</td>${cells}</tr>`;
}

function tablesOf(columns: ReportColumn[]): Array<{ title: string; defs: ReportColumn[] }> {
  const groups = new Map<ColumnGroup, ReportColumn[]>();
  for (const c of columns) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  return [...groups].flatMap(([group, defs]) => {
    const parts = Math.ceil(defs.length / MAX_TABLE_COLUMNS);
    const size = Math.ceil(defs.length / parts);
    return Array.from({ length: parts }, (_, i) => ({
      title: parts > 1 ? `${group.label} (${i + 1}/${parts})` : group.label,
      defs: defs.slice(i * size, (i + 1) * size),
    }));
  });
}

function tablesHtml(report: JointReport, columns: ReportColumn[]): string {
  const index = new Map(columns.map((d, i) => [d.key, i]));
  const groups = tablesOf(columns);
  return groups
    .filter((g) => g.defs.length)
    .map((g) => {
      const head = `<tr><th>地区</th>${g.defs.map((d) => `<th title="${esc(d.nameEn)}">${esc(label(d))}</th>`).join('')}</tr>`;
      const body = [...report.rows, report.total].map((r) => rowHtml(report, r, g.defs, index)).join('');
      return `<div class="group"><h3>${esc(g.title)}</h3><table class="figures"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
    })
    .join('');
}

function chartColumns(columns: ReportColumn[], max: number): ReportColumn[] {
  const key = KEY_INDICATORS.map((k) => columns.find((c) => c.key === k)).filter((c): c is ReportColumn => !!c);
  return (key.length ? key : columns).slice(0, max);
}

function barChartsHtml(report: JointReport, columns: ReportColumn[]): string {
  const index = new Map(columns.map((d, i) => [d.key, i]));
  return chartColumns(columns, 6)
    .map((def) => {
      const data = report.rows.map((r) => {
        const cell = r.values[index.get(def.key) as number];
        return { label: r.district.name, value: cell.value, suppressed: cell.suppressed };
      });
      const svg = barChart({ title: label(def), data, format: (v) => displayNumber(def.format, v), width: 460 });
      return `<figure data-indicator="${esc(def.key)}">${svg}</figure>`;
    })
    .join('');
}

function lineChartsHtml(columns: ReportColumn[], history: HistoryPoint[]): string {
  if (!history.length) return '';
  return chartColumns(columns, 4)
    .map((def) => {
      const points = history.map((h) => {
        const s = h.values.get(def.key);
        return { label: h.label, value: s?.value ?? null, suppressed: s?.suppressed ?? false };
      });
      const svg = lineChart({ title: label(def), points, format: (v) => displayNumber(def.format, v), tickFormat: (v) => axisNumber(def.format, v), width: 300, height: 190 });
      return `<figure data-indicator="${esc(def.key)}">${svg}</figure>`;
    })
    .join('');
}

export function jointReportHtml(report: JointReport, extras: HtmlExtras): string {
  const m = report.metadata;
  const columns = columnsOf(report);
  const period = (p: { from: string; to: string; days: number }) => `${p.from} 至 ${p.to}（${p.days}天）`;
  const levelText = report.level === 'CITY' ? '按地级市 by city' : '按县区 by county';
  const basis = extras.dataAsOfBasis === DataAsOfBasis.LATEST_RECORD_UPDATE ? '最近一次记录更新 latest record update' : '统计截止日 period end';
  const history = extras.history;
  const historyRange = history.length ? `${history[0].label}—${history[history.length - 1].label}` : '';
  const defs = m.indicators
    .map((i) => `<tr><td>${esc(i.nameZh)}<br><small>${esc(i.indicator)}</small></td><td>${esc(i.unitZh)}</td><td>${esc(i.definitionZh)}</td><td>${esc(i.definitionEn)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.parent.name)}禁毒工作联合报表 ${esc(report.period.from)}—${esc(report.period.to)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(report.parent.name)}禁毒工作联合报表</h1>
<p class="sub">Joint drug-control report · ${esc(report.parent.name)} ${esc(report.parent.code)} · ${esc(levelText)}</p>
<dl class="meta">
<dt>统计期间 Period</dt><dd id="period">${esc(period(report.period))}</dd>
<dt>对比期间 Comparison</dt><dd id="compare-period">${report.comparePeriod ? esc(period(report.comparePeriod)) : '无 none'}</dd>
<dt>生成时间 Generated</dt><dd id="generated-at">${esc(m.generatedAt)}</dd>
<dt>数据截止 Data as of</dt><dd id="data-as-of">${esc(extras.dataAsOf)}（${esc(basis)}）</dd>
<dt>折合海洛因系数表 Heroin equivalent</dt><dd>${esc(m.heroinEquivalentTable)}</dd>
<dt>小数抑制 Suppression</dt><dd>${m.suppression.applied ? `启用：阈值 ${m.suppression.threshold}，隐去 ${m.suppression.suppressedCells} 格（*）` : '未启用 not applied'}</dd>
</dl>
</header>
<section id="figures">
<h2>一、分地区指标 Figures by district</h2>
<div class="tables">${tablesHtml(report, columns)}</div>
</section>
<section id="bar-charts">
<h2>二、重点指标分地区对比 Key figures by district（${esc(report.period.from)} 至 ${esc(report.period.to)}）</h2>
<div class="charts">${barChartsHtml(report, columns)}</div>
</section>
<section id="line-charts">
<h2>三、${esc(report.parent.name)}近${history.length}年趋势 The last ${history.length} years（${esc(historyRange)}）</h2>
<div class="charts">${lineChartsHtml(columns, history)}</div>
</section>
<section id="notes">
<h2>四、说明与指标口径 Notes and definitions</h2>
<ul class="notes">${m.notes.map((n) => `<li>${esc(n)}</li>`).join('')}<li>* 依小数抑制规则隐去；— 为分母为0的比率。 * withheld; — a rate with a zero denominator.</li></ul>
<table class="defs"><thead><tr><th>指标</th><th>单位</th><th>口径</th><th>Definition</th></tr></thead><tbody>${defs}</tbody></table>
</section>
</body>
</html>
`;
}
