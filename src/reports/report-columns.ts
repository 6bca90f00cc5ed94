import { Period } from '../common/period';
import { ScopeOwner } from '../core/context';
import { departmentModules } from '../core/department-module';
import { ColumnDefinition, ColumnGroup, ColumnValues, DepartmentColumns, IndicatorKind } from '../core/report-column';
import { INDICATOR_DEFINITIONS, IndicatorDefinition } from '../indicators/indicator-definitions';

// The joint report's catalogue of columns: the indicator ledger's figures first, then each registered
// department's own column group, in registration order. Every list of the report's columns (the
// default columns, the names a client may ask for, the column groups of the exports, `group=`) is
// read from here.

// A column of a department's own group: its figures come from that department, as they are.
export interface DepartmentColumn extends ColumnDefinition {
  source: DepartmentColumns;
}

export type ReportColumn = IndicatorDefinition | DepartmentColumn;

export const isDepartmentColumn = (c: ReportColumn): c is DepartmentColumn => 'source' in c;

interface Catalogue {
  modules: number;
  columns: readonly ReportColumn[];
  byKey: ReadonlyMap<string, ReportColumn>;
  groups: readonly ColumnGroup[];
}

let memo: Catalogue | null = null;

// The catalogue of the indicator ledger's columns and these sources' columns. Refused (at the first
// report after registration, and by test/report-columns.test.ts): a key or group declared twice, a
// department column counting persons or outside its source's group.
export function buildCatalogue(sources: readonly DepartmentColumns[]): Omit<Catalogue, 'modules'> {
  const columns: ReportColumn[] = [...INDICATOR_DEFINITIONS];
  for (const source of sources) {
    for (const def of source.columns) {
      if (def.kind === IndicatorKind.PERSON_COUNT) {
        throw new Error(`report column ${def.key}: a department's own columns may not count persons (they would bypass the release)`);
      }
      if (def.group.key !== source.group.key) throw new Error(`report column ${def.key}: not in its source's group ${source.group.key}`);
      columns.push({ ...def, source });
    }
  }
  const byKey = new Map<string, ReportColumn>();
  const groups: ColumnGroup[] = [];
  for (const c of columns) {
    if (byKey.has(c.key) || c.key === 'riskDistribution') throw new Error(`report column ${c.key}: declared twice`);
    byKey.set(c.key, c);
    const known = groups.find((g) => g.key === c.group.key);
    if (!known) groups.push(c.group);
    else if (known !== c.group) throw new Error(`column group ${c.group.key}: declared twice`);
  }
  return { columns, byKey, groups };
}

function catalogue(): Catalogue {
  const modules = departmentModules();
  if (!memo || memo.modules !== modules.length) {
    memo = { modules: modules.length, ...buildCatalogue(modules.flatMap((m) => (m.reportColumns ? [m.reportColumns] : []))) };
  }
  return memo;
}

export const reportColumns = (): readonly ReportColumn[] => catalogue().columns;

export const reportColumn = (key: string): ReportColumn | undefined => catalogue().byKey.get(key);

export const columnGroups = (): readonly ColumnGroup[] => catalogue().groups;

export const columnsOfGroup = (key: string): ReportColumn[] => reportColumns().filter((c) => c.group.key === key);

// Names a client may ask for: every column key, and `riskDistribution` for its four colours.
export function expandColumnName(name: string): ReportColumn[] | undefined {
  if (name === 'riskDistribution') return reportColumns().filter((c) => !isDepartmentColumn(c) && c.field === 'riskDistribution');
  const column = reportColumn(name);
  return column ? [column] : undefined;
}

export function columnNames(): string[] {
  const names = reportColumns()
    .filter((c) => isDepartmentColumn(c) || c.field !== 'riskDistribution')
    .map((c) => c.key);
  return [...names, 'riskDistribution'];
}

// The figures of the department columns among `columns`, for the districts asked for: one call per
// department source (each reads its records once per period and request).
export type DepartmentFigures = ReadonlyMap<DepartmentColumns, ReadonlyMap<string, ColumnValues>>;

export async function loadDepartmentFigures(ctx: ScopeOwner, columns: readonly ReportColumn[], period: Period, codes: readonly string[]): Promise<DepartmentFigures> {
  const sources = [...new Set(columns.filter(isDepartmentColumn).map((c) => c.source))];
  const figures = await Promise.all(sources.map((s) => s.figures(ctx, period, codes)));
  return new Map(sources.map((s, i) => [s, figures[i]]));
}

export function departmentValue(figures: DepartmentFigures, column: DepartmentColumn, code: string): number | null {
  return figures.get(column.source)?.get(code)?.[column.key] ?? null;
}

// The catalogue as a Markdown table, for docs/DOMAIN.md (`npm run docs:indicators`; test/readme.test.ts
// fails while the two differ).
export function columnTableMarkdown(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = reportColumns().map((c) =>
    `| \`${c.key}\` | ${c.group.key} | ${cell(c.nameZh)} | ${cell(c.unitZh)} | ${c.kind} | ${cell(c.definitionEn)} |`,
  );
  return ['| column | group | 中文 | 单位 | kind | how it is counted |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
