import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Role } from '../src/policy/viewer';
import { District } from '../src/core/district.entity';
import { columnGroups, columnsOfGroup, reportColumns } from '../src/reports/report-columns';
import { CSV_BOM, GROUP_ROW_TITLE, neutraliseFormula } from '../src/reports/exporters/csv';
import { INDICATOR_DEFINITIONS } from '../src/indicators/indicator-definitions';
import { setReportConfig } from '../src/indicators/release/release-config';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { insertReportDataset } from './helpers/report-dataset';

// /reports/joint.csv, .xlsx and .html over real HTTP, read back and compared with the GraphQL result
// for the same arguments and the same token.

const FORMULA_NAME = '=HYPERLINK("http://example.invalid","点我")'; // a district name that is a formula
const MARKUP_NAME = '<script>alert(1)</script>';
const QS = 'from=2023-01-01&to=2023-12-31&compareFrom=2022-01-01&compareTo=2022-12-31&level=COUNTY&parentCode=640100&indicators=casesSolved,newUsers,newUserRate,seizedHeroinEquivalentKg';
const INPUT = {
  period: { from: '2023-01-01', to: '2023-12-31' },
  compareTo: { from: '2022-01-01', to: '2022-12-31' },
  level: 'COUNTY',
  parentCode: '640100',
  indicators: ['casesSolved', 'newUsers', 'newUserRate', 'seizedHeroinEquivalentKg'],
};
const QUERY = `query($input: JointReportInput!) { jointReport(input: $input) {
  rows { district { code name } values { indicator value suppressed compareValue compareSuppressed change relativeChange rank } }
  total { district { code name } values { indicator value suppressed compareValue compareSuppressed change relativeChange rank } } } }`;

// RFC 4180, as a spreadsheet reads it.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

type Cell = { indicator: string; value: number | null; suppressed: boolean; compareValue: number | null; compareSuppressed: boolean; change: number | null; relativeChange: number | null; rank: number | null };
const groupLabel = (key: string) => columnGroups().find((g) => g.key === key)!.label;

const VIEWS: Array<[string, (c: Cell) => number | null | '*']> = [
  ['', (c) => (c.suppressed ? '*' : c.value)],
  ['·对比期', (c) => (c.compareSuppressed ? '*' : c.compareValue)],
  ['·变化量', (c) => (c.suppressed || c.compareSuppressed ? '*' : c.change)],
  ['·变化率', (c) => (c.suppressed || c.compareSuppressed ? '*' : c.relativeChange)],
  ['·排名', (c) => (c.suppressed ? '*' : c.rank)],
];

function expectSame(actual: unknown, expected: number | null | '*', where: string): void {
  if (expected === null) expect([where, actual]).toEqual([where, null]);
  else if (expected === '*') expect([where, actual]).toEqual([where, '*']);
  else expect([where, actual]).toEqual([where, expect.closeTo(expected, 9)]);
}

describe.each(testDatabases())('joint report exports on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  beforeAll(async () => {
    setReportConfig({ suppressionThreshold: 5 });
    ds = await freshDatabase(target);
    await insertReportDataset(ds);
    await ds.getRepository(District).update({ code: '640105' }, { name: FORMULA_NAME });
    await ds.getRepository(District).update({ code: '640106' }, { name: MARKUP_NAME });
    http = await startHttp(ds, { ops: { nodeMetrics: false } });
  });
  afterAll(async () => {
    setReportConfig(undefined);
    await http?.close();
    await ds?.destroy();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => fetch(`${http.url}${path}`, { headers });
  const graphql = async (role: Role) => {
    const res = await postGraphql(http.url, QUERY, { input: INPUT }, await authHeaders(role));
    expect(res.body.errors).toBeUndefined();
    return res.body.data.jointReport as { rows: Array<{ district: { code: string }; values: Cell[] }>; total: { district: { code: string }; values: Cell[] } };
  };

  it.each([Role.ADMIN, Role.PROVINCIAL_OFFICE])('CSV for %s: UTF-8 with BOM, Chinese headers, the same numbers as the query', async (role) => {
    const res = await get(`/reports/joint.csv?${QS}`, await authHeaders(role));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="joint-report_640100_COUNTY_2023-01-01_2023-12-31_vs_2022-01-01_2022-12-31\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const all = parseCsv(text.slice(1));
    const blank = all.findIndex((r) => r.length === 1 && r[0] === '');
    const [groups, header, ...rows] = all.slice(0, blank);
    // Issue 15 item 6: a first header row names the indicator group over the first column of each run
    // (casesSolved: cases; newUsers, newUserRate: users; seizedHeroinEquivalentKg: cases again)
    const V = VIEWS.length;
    expect(groups).toHaveLength(header.length);
    const labelled = groups.map((g, i) => [i, g] as const).filter(([, g]) => g !== '');
    expect(labelled).toEqual([[0, GROUP_ROW_TITLE], [2, groupLabel('cases')], [2 + V, groupLabel('users')], [2 + 3 * V, groupLabel('cases')]]);
    // the legend after the data explains '*' and the rule
    const legend = all.slice(blank + 1).map((r) => r[0]).join('\n');
    expect(legend).toContain('* = ');
    expect(legend).toContain('withheld');
    expect(header.slice(0, 3)).toEqual(['区划代码', '地区', '破获毒品刑事案件数（起）']);
    expect(header).toContain('新发现吸毒人员数·变化率');
    expect(header).toHaveLength(2 + 4 * VIEWS.length);

    const report = await graphql(role);
    const expected = [...report.rows, report.total];
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.district.code));
    const names = ['破获毒品刑事案件数（起）', '新发现吸毒人员数（人）', '吸毒人员新增率（比率）', '缴获毒品折合海洛因（千克）'];
    const base = ['破获毒品刑事案件数', '新发现吸毒人员数', '吸毒人员新增率', '缴获毒品折合海洛因'];
    expected.forEach((row, i) => {
      row.values.forEach((cell, k) => {
        for (const [suffix, view] of VIEWS) {
          const col = header.indexOf(suffix ? `${base[k]}${suffix}` : names[k]);
          expect(col).toBeGreaterThan(1);
          const raw = rows[i][col];
          expectSame(raw === '' ? null : raw === '*' ? '*' : Number(raw), view(cell), `${row.district.code} ${header[col]}`);
        }
      });
    });
    if (role === Role.PROVINCIAL_OFFICE) expect(text).toContain('*');
    // a negative change is a number, not neutralised text: Xingqing's new users 4 against 10
    const xingqing = rows.find((r) => r[0] === '640104')!;
    expect(xingqing[header.indexOf('新发现吸毒人员数·变化量')]).toBe(role === Role.ADMIN ? '-6' : '*');
  });

  it('the column groups partition the report columns, those of the indicator ledger among them', () => {
    const grouped = columnGroups().flatMap((g) => columnsOfGroup(g.key).map((c) => c.key));
    expect([...grouped].sort()).toEqual(reportColumns().map((c) => c.key).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const d of INDICATOR_DEFINITIONS) expect(grouped).toContain(d.key);
  });

  it('exports one column group alone with group=, named in the file name; the legend says so', async () => {
    const qs = 'from=2023-01-01&to=2023-12-31&compareFrom=2022-01-01&compareTo=2022-12-31&level=COUNTY&parentCode=640100&group=rehabilitation';
    const res = await get(`/reports/joint.csv?${qs}`, await authHeaders(Role.PROVINCIAL_OFFICE));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('_rehabilitation.csv');
    const all = parseCsv(Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1));
    const [groups, header] = all;
    const group = columnGroups().find((g) => g.key === 'rehabilitation')!;
    expect(header).toHaveLength(2 + columnsOfGroup(group.key).length * VIEWS.length);
    expect(groups.filter((g) => g !== '')).toEqual([GROUP_ROW_TITLE, group.label]);
    expect(header[2]).toContain('强制隔离戒毒');
    expect(all.map((r) => r[0]).join('\n')).toContain('group=');
    // a department's own group (prevention and education) exports the same way
    const prevention = await get(`/reports/joint.csv?${qs.replace('group=rehabilitation', 'group=prevention')}`, await authHeaders(Role.PROVINCIAL_OFFICE));
    const [pGroups, pHeader] = parseCsv(Buffer.from(await prevention.arrayBuffer()).toString('utf8').slice(1));
    expect(pHeader).toHaveLength(2 + columnsOfGroup('prevention').length * VIEWS.length);
    expect(pGroups.filter((g) => g !== '')).toEqual([GROUP_ROW_TITLE, groupLabel('prevention')]);
    expect(pHeader[2]).toContain('禁毒科普教育基地数');
    for (const query of ['&group=nope', '&group=users&indicators=casesSolved']) {
      const bad = await get(`/reports/joint.csv?from=2023-01-01&to=2023-12-31${query}`, await authHeaders(Role.ADMIN));
      expect([query, bad.status, ((await bad.json()) as any).error.code]).toEqual([query, 400, 'BAD_USER_INPUT']);
    }
  });

  it('CSV neutralises a district name that a spreadsheet would run as a formula', async () => {
    const res = await get(`/reports/joint.csv?${QS}`, await authHeaders(Role.ADMIN));
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    const xixia = parseCsv(text.slice(1)).find((r) => r[0] === '640105')!;
    expect(xixia[1]).toBe(`'${FORMULA_NAME}`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(neutraliseFormula('兴庆区')).toBe('兴庆区');
  });

  it('XLSX opens with exceljs: a sheet per view, Chinese headers, number formats, frozen header, the same numbers', async () => {
    const res = await get(`/reports/joint.xlsx?${QS}`, await authHeaders(Role.PROVINCIAL_OFFICE));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['本期', '对比期', '变化量', '变化率', '排名', '说明']);
    const report = await graphql(Role.PROVINCIAL_OFFICE);
    const expected = [...report.rows, report.total];
    VIEWS.forEach(([, view], v) => {
      const ws = wb.worksheets[v];
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
      expect(ws.getRow(1).values).toEqual([undefined, '区划代码', '地区', '破获毒品刑事案件数（起）', '新发现吸毒人员数（人）', '吸毒人员新增率（比率）', '缴获毒品折合海洛因（千克）']);
      expected.forEach((row, i) => {
        const xrow = ws.getRow(i + 2);
        expect(xrow.getCell(1).value).toBe(row.district.code);
        row.values.forEach((cell, k) => {
          const xc = xrow.getCell(k + 3);
          expect(xc.type).not.toBe(ExcelJS.ValueType.Formula);
          expectSame(xc.value ?? null, view(cell), `${ws.name} ${row.district.code} ${cell.indicator}`);
        });
      });
    });
    const current = wb.getWorksheet('本期')!;
    expect(current.getRow(2).getCell(3).numFmt).toBe('#,##0');
    expect(current.getRow(2).getCell(5).numFmt).toBe('0.00%');
    expect(current.getRow(2).getCell(6).numFmt).toBe('#,##0.000');
    expect(wb.getWorksheet('变化率')!.getRow(2).getCell(3).numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(current.getRow(3).getCell(2).value).toBe(`'${FORMULA_NAME}`);
    expect(current.getRow(expected.length + 1).getCell(2).value).toBe('合计（银川市）');
    expect(current.getRow(expected.length + 1).font?.bold).toBe(true);
    // the notes sheet: metadata and definitions in Chinese and English
    const notes = wb.getWorksheet('说明')!;
    const noteText = JSON.stringify(notes.getSheetValues());
    expect(noteText).toContain('SPC-2016');
    expect(noteText).toContain('新发现吸毒人员数');
    expect(noteText).toContain('Residents of the district whose first-ever detection falls in the period.');
    expect(noteText).toContain('启用：阈值 5');
    expect(noteText).toContain(groupLabel('users')); // each definition names its column group
  });

  it('HTML is self-contained, escapes names and carries the numbers of the query', async () => {
    const res = await get(`/reports/joint.html?${QS}`, await authHeaders(Role.ADMIN));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=|href=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2 + 4); // bar charts and line charts
    const report = await graphql(Role.ADMIN);
    for (const cell of report.total.values) {
      expect(html).toContain(`data-indicator="${cell.indicator}" data-value="${cell.value === null ? '' : Number(cell.value.toPrecision(12))}"`);
    }
  });

  it.each(([
    ['no token', '', {}, 401, 'UNAUTHENTICATED'],
    ['a forged token', '', { authorization: 'Bearer abc.def.ghi' }, 401, 'UNAUTHENTICATED'],
    ['the auditor', '', 'AUDITOR', 403, 'FORBIDDEN'],
    ['a city outside the jurisdiction', '', ['PROVINCIAL_OFFICE', '640200'], 403, 'FORBIDDEN'],
    ['from missing', 'to=2023-12-31', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['a bad day', 'from=2023-02-30&to=2023-12-31', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['an unknown indicator', 'from=2023-01-01&to=2023-12-31&indicators=casesSolved,nope', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['an unknown parameter', 'from=2023-01-01&to=2023-12-31&form=x', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['half a comparison', 'from=2023-01-01&to=2023-12-31&compareFrom=2022-01-01', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['a county parent', 'from=2023-01-01&to=2023-12-31&level=COUNTY&parentCode=640104', 'ADMIN', 400, 'BAD_USER_INPUT'],
    ['the office, a period that is not whole months', 'from=2023-01-01&to=2023-12-30', 'PROVINCIAL_OFFICE', 400, 'BAD_USER_INPUT'],
    ['the office, a comparison that is not whole months', 'from=2023-01-01&to=2023-12-31&compareFrom=2022-01-15&compareTo=2022-12-31', 'PROVINCIAL_OFFICE', 400, 'BAD_USER_INPUT'],
  ] as Array<[string, string, string | string[] | Record<string, string>, number, string]>).map(([label, query, who, status, code]) => ({ label, query, who, status, code })))('refuses $label: $status $code', async ({ query, who, status, code }) => {
    const headers = typeof who === 'string' ? await authHeaders(who as Role) : Array.isArray(who) ? await authHeaders(who[0] as Role, who[1]) : (who);
    const qs = query || 'from=2023-01-01&to=2023-12-31';
    for (const ext of ['csv', 'xlsx', 'html']) {
      const res = await get(`/reports/joint.${ext}?${qs}`, headers);
      expect([ext, res.status]).toEqual([ext, status]);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body).toEqual({ error: { code, message: expect.any(String) } });
      if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});
