import { RELATIVE_CHANGE_DECIMALS, roundFigure, roundTo } from './precision';
import { reportNotes, toReportIndicator } from './report-metadata';
import { assertDistrictAccess } from '../policy/jurisdiction';
import { mayReadReports, readsAggregatesOnly } from '../policy/report-roles';
import { Viewer } from '../policy/viewer';
import { badInput, domainError } from '../common/errors';
import { minusYears, Period, validatePeriod } from '../common/period';
import { checkDistrictCode } from '../core/district-code';
import { District, DistrictLevel } from '../core/district.entity';
import { DEFAULT_HEROIN_EQUIVALENT_TABLE } from '../indicators/indicators.loaders';
import { DistrictTree } from '../core/district-tree';
import { DistrictIndicators } from '../indicators/district-indicators.type';
import { indicatorValue } from '../indicators/indicator-definitions';
import {
  columnNames,
  DepartmentFigures,
  departmentValue,
  expandColumnName,
  isDepartmentColumn,
  loadDepartmentFigures,
  ReportColumn,
  reportColumns,
} from './report-columns';
import {
  JointReport,
  JointReportInput,
  JointReportMetadata,
  JointReportRow,
  ReportCell,
  ReportLevel,
  ReportPeriod,
  ReportSuppression,
} from './joint-report.types';
import { reportConfig } from '../indicators/release/release-config';
import { ReleasedDistrict } from '../indicators/release/release';
import { assertWholeMonths, lastDayOfMonth } from '../indicators/release/release-noise';
import { loadFigures, PeriodFigures, releasedFigures, ReportContext } from '../indicators/release/period-figures';
import { BaseColumn } from '../indicators/release/suppression';

export type { ReportContext } from '../indicators/release/period-figures';

// The joint report (联合报表) of the provincial anti-drug office: one row per district of a level below
// a parent, the parent's own figures as the total, a comparison period, ranks, and small-cell
// suppression for the roles that read aggregates only. GraphQL and the export routes both call
// buildJointReport, so they show the same numbers under the same access rules.

export const DEFAULT_PARENT_CODE = '640000';

export function assertReportRole(viewer: Viewer): void {
  if (!mayReadReports(viewer)) throw domainError('FORBIDDEN', `The role ${viewer.role} may not read joint reports`);
}

// ---------------------------------------------------------------------------------------------
// Input

export interface ReportSpec {
  period: Period;
  compare: Period | null;
  level: ReportLevel;
  parent: District;
  columns: ReportColumn[];
  heroinEquivalentTable: string;
  suppress: boolean;
  threshold: number;
}

const LEVEL_DEPTH: Record<DistrictLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2, TOWNSHIP: 3 };
const ROW_LEVEL: Record<ReportLevel, DistrictLevel> = { CITY: DistrictLevel.CITY, COUNTY: DistrictLevel.COUNTY };

export function normalizeInput(tree: DistrictTree, input: JointReportInput): Omit<ReportSpec, 'suppress' | 'threshold'> {
  const period = validatePeriod(input.period, 'input.period');
  const compare = input.compareTo ? validatePeriod(input.compareTo, 'input.compareTo') : null;
  const level = input.level ?? ReportLevel.CITY;
  if (!ROW_LEVEL[level]) throw badInput(`input.level: one of ${Object.values(ReportLevel).join(', ')}`, 'input.level');
  const parentCode = checkDistrictCode(input.parentCode ?? DEFAULT_PARENT_CODE, 'input.parentCode');
  const parent = tree.get(parentCode);
  if (!parent) throw badInput(`input.parentCode: no district ${parentCode}`, 'input.parentCode');
  if (LEVEL_DEPTH[parent.level] >= LEVEL_DEPTH[ROW_LEVEL[level]]) {
    throw badInput(
      `input.parentCode: ${parentCode} is a ${parent.level} district; rows of level ${level} need a parent above them (a province, or a city for COUNTY)`,
      'input.parentCode',
    );
  }
  const columns: ReportColumn[] = [];
  if (input.indicators == null) {
    columns.push(...reportColumns());
  } else {
    if (input.indicators.length === 0) throw badInput('input.indicators: name at least one indicator, or leave it out for all', 'input.indicators');
    const unknown = input.indicators.filter((name) => !expandColumnName(name));
    if (unknown.length) {
      const shown = unknown.slice(0, 5).map((n) => JSON.stringify(n.slice(0, 60))).join(', ');
      throw badInput(`input.indicators: unknown ${shown}; known: ${columnNames().join(', ')}`, 'input.indicators');
    }
    for (const name of input.indicators) {
      for (const def of expandColumnName(name) ?? []) if (!columns.includes(def)) columns.push(def);
    }
  }
  return { period, compare, level, parent, columns, heroinEquivalentTable: DEFAULT_HEROIN_EQUIVALENT_TABLE };
}

// ---------------------------------------------------------------------------------------------
// Figures (src/indicators/release/period-figures.ts): raw for roles with person-level access, released
// (src/indicators/release/release.ts) for the others

export function isSuppressed(def: ReportColumn, hidden: ReadonlySet<BaseColumn> | undefined): boolean {
  if (!hidden || hidden.size === 0 || isDepartmentColumn(def)) return false;
  if (def.persons) return hidden.has(def.persons);
  return (!!def.numerator && hidden.has(def.numerator)) || (!!def.denominator && hidden.has(def.denominator));
}

interface Shown {
  value: number | null;
  suppressed: boolean;
}

// The figures of one period: the indicator ledger's, and those of the department columns asked for.
interface ReportFigures {
  ledger: PeriodFigures;
  departments: DepartmentFigures;
}

async function loadReportFigures(ctx: ReportContext, spec: ReportSpec, period: Period, codes: readonly string[]): Promise<ReportFigures> {
  const [ledger, departments] = await Promise.all([
    loadFigures(ctx, period, spec.heroinEquivalentTable),
    loadDepartmentFigures(ctx, spec.columns, period, codes),
  ]);
  return { ledger, departments };
}

// One column of one district as the viewer may see it: the raw figure, or the released one; a
// department's own column (no persons counted) as it is.
function shown(ctx: ReportContext, spec: ReportSpec, figures: ReportFigures, code: string, def: ReportColumn): Shown {
  if (isDepartmentColumn(def)) return { value: departmentValue(figures.departments, def, code), suppressed: false };
  if (!spec.suppress) return { value: indicatorValue(def, figures.ledger.indicators.get(code) as DistrictIndicators), suppressed: false };
  const released = releasedFigures(ctx, figures.ledger, spec.threshold).get(code) as ReleasedDistrict;
  const suppressed = isSuppressed(def, released.withheld);
  return suppressed ? { value: null, suppressed: true } : { value: indicatorValue(def, released.indicators), suppressed: false };
}

// ---------------------------------------------------------------------------------------------
// The report

export interface BuiltReport {
  report: JointReport;
  spec: ReportSpec;
}

const DAY_MS = 86_400_000;

export function reportPeriod(p: Period): ReportPeriod {
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY_MS) + 1;
  return Object.assign(new ReportPeriod(), { from: p.from, to: p.to, days });
}

// Competition ranking ("1224") among the values given; null values are not ranked.
export function rankValues(values: Array<number | null>): Array<number | null> {
  const present = values.filter((v): v is number => v !== null);
  return values.map((v) => (v === null ? null : 1 + present.filter((o) => o > v).length));
}

export async function buildJointReport(ctx: ReportContext, input: JointReportInput, now = new Date()): Promise<BuiltReport> {
  assertReportRole(ctx.viewer);
  const normalized = normalizeInput(ctx.tree, input);
  assertDistrictAccess(ctx.viewer, ctx.tree, normalized.parent.code);
  const spec: ReportSpec = {
    ...normalized,
    suppress: readsAggregatesOnly(ctx.viewer),
    threshold: reportConfig().suppressionThreshold,
  };
  if (spec.suppress) {
    assertWholeMonths(spec.period, 'input.period');
    if (spec.compare) assertWholeMonths(spec.compare, 'input.compareTo');
  }
  const districts = ctx.tree.byLevel(ROW_LEVEL[spec.level], spec.parent.code);
  const codes = [...districts.map((d) => d.code), spec.parent.code];
  // both periods in one batch: computed side by side
  const [current, previous] = await Promise.all([
    loadReportFigures(ctx, spec, spec.period, codes),
    spec.compare ? loadReportFigures(ctx, spec, spec.compare, codes) : Promise.resolve(null),
  ]);

  const cellsOf = (code: string): ReportCell[] =>
    spec.columns.map((def) => {
      const cur = shown(ctx, spec, current, code, def);
      const before = previous ? shown(ctx, spec, previous, code, def) : null;
      const change = cur.value !== null && before && before.value !== null ? cur.value - before.value : null;
      // relative to a base of 0 (or none) there is no relative change
      const relativeChange = change !== null && before?.value ? change / before.value : null;
      return Object.assign(new ReportCell(), {
        indicator: def.key,
        // rounded at the edge to the precision of the figure (precision.ts)
        value: roundFigure(def.format, cur.value),
        suppressed: cur.suppressed,
        compareValue: roundFigure(def.format, before?.value ?? null),
        compareSuppressed: before?.suppressed ?? false,
        change: roundFigure(def.format, change),
        relativeChange: roundTo(relativeChange, RELATIVE_CHANGE_DECIMALS),
        rank: null,
      });
    });
  const row = (district: District, isTotal: boolean): JointReportRow =>
    Object.assign(new JointReportRow(), { district, isTotal, values: cellsOf(district.code) });

  const rows = districts.map((d) => row(d, false));
  spec.columns.forEach((_def, i) => {
    const ranks = rankValues(rows.map((r) => r.values[i].value));
    rows.forEach((r, j) => (r.values[i].rank = ranks[j]));
  });
  const total = row(spec.parent, true);

  const suppressedCount = [...rows, total].reduce(
    (n, r) => n + r.values.reduce((m, c) => m + (c.suppressed ? 1 : 0) + (c.compareSuppressed ? 1 : 0), 0),
    0,
  );
  const period = reportPeriod(spec.period);
  const comparePeriod = spec.compare ? reportPeriod(spec.compare) : null;
  const metadata = Object.assign(new JointReportMetadata(), {
    generatedAt: now.toISOString(),
    period,
    heroinEquivalentTable: spec.heroinEquivalentTable,
    suppression: Object.assign(new ReportSuppression(), { applied: spec.suppress, threshold: spec.threshold, suppressedCells: suppressedCount }),
    notes: reportNotes(spec, period, comparePeriod),
    indicators: spec.columns.map(toReportIndicator),
  });
  const report = Object.assign(new JointReport(), {
    level: spec.level,
    parent: spec.parent,
    period,
    comparePeriod,
    rows,
    total,
    metadata,
  });
  return { report, spec };
}

// ---------------------------------------------------------------------------------------------
// History of the parent, for the printable page's line charts

export interface HistoryPoint {
  period: ReportPeriod;
  label: string;
  values: Map<string, Shown>;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

// The parent's figures for `years` one-year periods ending on the report period's last day (calendar
// years when the report is a calendar year), oldest first, with the same service and suppression.
export async function parentHistory(ctx: ReportContext, spec: ReportSpec, years = 5): Promise<HistoryPoint[]> {
  // a period ending on a month's last day steps back by whole months (2025-02-28 - 1 year = 2024-02-29)
  const monthEnd = spec.period.to === lastDayOfMonth(spec.period.to);
  const back = (years: number) => (monthEnd ? lastDayOfMonth(minusYears(spec.period.to, years)) : minusYears(spec.period.to, years));
  const periods: Period[] = [];
  for (let i = years - 1; i >= 0; i--) periods.push({ from: nextDay(back(i + 1)), to: back(i) });
  const figures = await Promise.all(periods.map((p) => loadReportFigures(ctx, spec, p, [spec.parent.code])));
  return periods.map((p, i) => ({
    period: reportPeriod(p),
    label: p.from.endsWith('-01-01') && p.to.endsWith('-12-31') ? `${p.to.slice(0, 4)}年` : p.to,
    values: new Map(spec.columns.map((def) => [def.key, shown(ctx, spec, figures[i], spec.parent.code, def)])),
  }));
}
