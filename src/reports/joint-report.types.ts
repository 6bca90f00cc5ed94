import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PeriodInput } from '../common/period';
import { DateScalar } from '../common/scalars';
import { District } from '../core/district.entity';
import { RiskColour } from '../core/risk-colour';
import { IndicatorKind } from '../core/report-column';

export enum ReportLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}

registerEnumType(ReportLevel, {
  name: 'ReportLevel',
  description: 'Level of the districts a joint report has one row for (报表行政区划级别)',
  valuesConfig: {
    CITY: { description: 'A row per prefecture-level city (按地级市)' },
    COUNTY: { description: 'A row per county, county-level city or urban district (按县区)' },
  },
});

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an indicator counts or measures (指标类型)',
  valuesConfig: {
    PERSON_COUNT: { description: 'A count of persons or person-times; released with keyed noise and small counts withheld for aggregate-only roles (人数/人次)' },
    RECORD_COUNT: { description: 'A count of cases, sites, permits, events or places (件数/起数/场次)' },
    ATTENDANCE: { description: 'Attendance at public events and lessons (participants, students): counts of persons present, not persons of the drug-control records; shown as they are (参与人次)' },
    QUANTITY: { description: 'A quantity in kilograms or tonnes (数量)' },
    RATE: { description: 'A share from 0 to 1, a ratio of sums (比率)' },
    RATIO: { description: 'A ratio that is not a share, e.g. persons per caseworker (比值)' },
  },
});

export enum DataAsOfBasis {
  LATEST_RECORD_UPDATE = 'LATEST_RECORD_UPDATE',
  PERIOD_END = 'PERIOD_END',
}

registerEnumType(DataAsOfBasis, {
  name: 'DataAsOfBasis',
  description: 'What the report\'s "data as of" time is (数据截止时间依据)',
  valuesConfig: {
    LATEST_RECORD_UPDATE: { description: 'The latest change to any department record or person (最近一次记录更新时间)' },
    PERIOD_END: { description: 'The last day of the period, because the database holds no records (统计截止日)' },
  },
});

@InputType({ description: 'What a joint report covers (联合报表参数)' })
export class JointReportInput {
  @Field(() => PeriodInput, { description: 'The report period, both days inclusive (统计期间)' })
  period: PeriodInput;

  @Field(() => PeriodInput, {
    nullable: true,
    description: 'A period to compare with, e.g. the year before; may differ in length, which the notes then say (对比期间)',
  })
  compareTo?: PeriodInput | null;

  @Field(() => ReportLevel, { nullable: true, defaultValue: ReportLevel.CITY, description: 'A row per district of this level; default CITY (行级别)' })
  level?: ReportLevel | null;

  @Field(() => String, {
    nullable: true,
    defaultValue: '640000',
    description: 'The district the rows are below and the total is for; a province, or a city for level COUNTY; default 640000 (上级区划代码)',
  })
  parentCode?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Column keys: the fields of DistrictIndicators (riskDistribution gives its four colours) and the columns of the departments' own groups, as metadata.indicators lists them; default all (指标)",
  })
  indicators?: string[] | null;
}

@ObjectType({ description: 'A period of whole days, both ends inclusive (统计期间)' })
export class ReportPeriod {
  @Field(() => DateScalar, { description: 'First day, inclusive (起始日期)' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day, inclusive; the reference date of stock figures (截止日期)' })
  to: string;

  @Field(() => Int, { description: 'Number of days, both ends counted (天数)' })
  days: number;
}

@ObjectType({ description: 'One column of a joint report: an indicator and its definition (报表指标及口径)' })
export class ReportIndicator {
  @Field({ description: 'Column key: the DistrictIndicators field, or riskDistribution.<COLOUR> (指标键)' })
  indicator: string;

  @Field({
    description:
      "The field the figure comes from: a DistrictIndicators field, or for a department's own column group the field of its own figures (e.g. District.preventionIndicators) (指标字段)",
  })
  field: string;

  @Field({ description: 'Key of the column group, as `group=` on the export URLs takes it, e.g. cases (指标组键)' })
  group: string;

  @Field({ description: 'Name of the column group in Chinese and English (指标组名称)' })
  groupLabel: string;

  @Field(() => RiskColour, { nullable: true, description: 'For the riskDistribution columns, the colour (风险颜色)' })
  riskColour: RiskColour | null;

  @Field({ description: 'Name in Chinese (中文名称)' })
  nameZh: string;

  @Field({ description: 'Name in English (英文名称)' })
  nameEn: string;

  @Field({ description: 'Definition in Chinese (中文口径)' })
  definitionZh: string;

  @Field({ description: 'Definition in English (英文口径)' })
  definitionEn: string;

  @Field({ description: 'Unit in Chinese, e.g. 人 (中文单位)' })
  unitZh: string;

  @Field({ description: 'Unit in English, e.g. persons (英文单位)' })
  unitEn: string;

  @Field(() => IndicatorKind, { description: 'What the indicator counts or measures (指标类型)' })
  kind: IndicatorKind;

  @Field({ description: 'Whether small-cell suppression can apply to this column (是否适用小数抑制)' })
  suppressible: boolean;
}

@ObjectType({ description: 'One figure of a joint report row, with its comparison and rank (报表单元格)' })
export class ReportCell {
  @Field({ description: 'Column key, as in the report indicators (指标键)' })
  indicator: string;

  @Field(() => Float, { nullable: true, description: 'Value in the report period; null when suppressed or an empty rate (本期数值)' })
  value: number | null;

  @Field({ description: 'True when the value is withheld by small-cell suppression (是否已抑制)' })
  suppressed: boolean;

  @Field(() => Float, { nullable: true, description: 'Value in the comparison period; null without one, when suppressed or an empty rate (对比期数值)' })
  compareValue: number | null;

  @Field({ description: 'True when the comparison value is withheld by small-cell suppression (对比期是否已抑制)' })
  compareSuppressed: boolean;

  @Field(() => Float, { nullable: true, description: 'Difference: value - compareValue; null when either is null (变化量)' })
  change: number | null;

  @Field(() => Float, { nullable: true, description: 'Relative change: change / compareValue; null when the base is 0 or null (变化率)' })
  relativeChange: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among the rows shown, 1 = highest value, ties share a rank; null for the total, empty and suppressed values (排名)',
  })
  rank: number | null;
}

@ObjectType({ description: 'A row of a joint report: one district and its figures (报表行)' })
export class JointReportRow {
  @Field(() => District, { description: 'The district (行政区划)' })
  district: District;

  @Field({ description: 'True for the total row: the parent district computed directly (是否合计行)' })
  isTotal: boolean;

  @Field(() => [ReportCell], { description: 'One cell per report indicator, in column order (各指标数值)' })
  values: ReportCell[];
}

@ObjectType({ description: 'How small counts of persons are withheld in this report (小数抑制说明)' })
export class ReportSuppression {
  @Field({ description: "True when the viewer's role reads aggregates only and suppression applies (是否启用小数抑制)" })
  applied: boolean;

  @Field(() => Int, { description: 'Counts of persons below it (after the release noise, docs/RELEASE-RULES.md) are withheld when suppression applies (抑制阈值)' })
  threshold: number;

  @Field(() => Int, { description: 'Cells withheld in this report, both periods (已抑制单元格数)' })
  suppressedCells: number;
}

@ObjectType({ description: 'When, from what and how a joint report was made (报表元数据)' })
export class JointReportMetadata {
  @Field({ description: 'When the report was generated, ISO 8601 UTC (生成时间)' })
  generatedAt: string;

  // dataAsOf and dataAsOfBasis: field resolvers (joint-report.resolver.ts), computed only when asked for
  period: ReportPeriod;
  lazyDataAsOf?: Promise<{ at: string; basis: DataAsOfBasis }>;

  @Field({ description: 'Heroin-equivalent factor table used for the seizure figures, e.g. SPC-2016 (折合海洛因系数表)' })
  heroinEquivalentTable: string;

  @Field(() => ReportSuppression, { description: 'Small-cell suppression (小数抑制)' })
  suppression: ReportSuppression;

  @Field(() => [String], { description: 'Notes a reader should know, in Chinese and English (说明)' })
  notes: string[];

  @Field(() => [ReportIndicator], { description: 'Each column with its definition in Chinese and English, in column order (指标口径)' })
  indicators: ReportIndicator[];
}

@ObjectType({ description: 'The joint report of the provincial anti-drug office: districts by indicators, compared and ranked (禁毒工作联合报表)' })
export class JointReport {
  @Field(() => ReportLevel, { description: 'Level of the rows (行级别)' })
  level: ReportLevel;

  @Field(() => District, { description: 'The district the rows are below; the total row is its own figures (上级区划)' })
  parent: District;

  @Field(() => ReportPeriod, { description: 'The report period (统计期间)' })
  period: ReportPeriod;

  @Field(() => ReportPeriod, { nullable: true, description: 'The comparison period, if asked for (对比期间)' })
  comparePeriod: ReportPeriod | null;

  @Field(() => [JointReportRow], { description: 'A row per district of the level below the parent, ordered by code (各地区)' })
  rows: JointReportRow[];

  @Field(() => JointReportRow, { description: "The parent's own figures, computed directly (合计)" })
  total: JointReportRow;

  @Field(() => JointReportMetadata, { description: 'Generated at, data as of, factor table, suppression, notes, definitions (报表说明)' })
  metadata: JointReportMetadata;
}
