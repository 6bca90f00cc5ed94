import { isDepartmentColumn, ReportColumn } from './report-columns';
import { ReportIndicator, ReportPeriod } from './joint-report.types';
import type { ReportSpec } from './joint-report.service';

// What a joint report says about its columns and figures: each column's definition, and the notes a
// reader should know (lengths of the periods, stocks, the release, caseworkers).

export function toReportIndicator(def: ReportColumn): ReportIndicator {
  const department = isDepartmentColumn(def);
  return Object.assign(new ReportIndicator(), {
    indicator: def.key,
    field: department ? def.key : def.field,
    group: def.group.key,
    groupLabel: def.group.label,
    riskColour: department ? null : (def.riskColour ?? null),
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    definitionZh: def.definitionZh,
    definitionEn: def.definitionEn,
    unitZh: def.unitZh,
    unitEn: def.unitEn,
    kind: def.kind,
    suppressible: !department && !!(def.persons || def.numerator || def.denominator),
  });
}

export function reportNotes(spec: ReportSpec, period: ReportPeriod, compare: ReportPeriod | null): string[] {
  const notes: string[] = [];
  if (compare && compare.days !== period.days) {
    notes.push(
      `对比期（${compare.days}天）与本期（${period.days}天）长度不同，变化量与变化率按原始数值计算，未按天数折算。` +
        ` The comparison period (${compare.days} days) differs in length from the report period (${period.days} days); changes compare the figures as they are, not per day.`,
    );
  }
  notes.push(
    `存量指标（登记在册、现有吸毒人员、风险分布、在册社区戒毒康复人员等）取统计截止日 ${period.to} 的状态。` +
      ` Stock figures (registered and current users, risk distribution, open programmes) are as at the reference date ${period.to}.`,
  );
  if (spec.suppress) {
    notes.push(
      `为保护个人信息，人数按县区、月份加入固定的随机扰动（每格±1或±2，同一单元格每次相同），市、省人数为所辖县区之和；扰动后小于${spec.threshold}的单元格已隐去，并隐去另一单元格以防由合计推算；依据被隐去人数计算的比率一并隐去。` +
        ` To protect individuals, counts of persons carry a fixed keyed perturbation per county and month (±1 or ±2 per cell, the same every time), and a city's or the province's count is the sum of its counties'; counts below ${spec.threshold} after it are withheld, with another cell wherever one could be worked out from a total; rates built on withheld counts are withheld too (docs/RELEASE-RULES.md).`,
    );
  }
  if (spec.columns.some((c) => c.key === 'usersPerCaseworker')) {
    notes.push('禁毒专干人数为当前在岗人数，不随统计期间变化。 Caseworkers are those in post now, whatever the period.');
  }
  return notes;
}
