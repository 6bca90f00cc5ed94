import type { DistrictIndicators } from './district-indicators.type';
import { RiskColour } from '../core/risk-colour';
import type { BaseColumn } from './release/suppression';
import { ColumnDefinition, IndicatorKind } from '../core/report-column';
import { CASES, EMPLOYMENT, PRECURSORS, REHABILITATION, USERS } from './indicator-groups';

// The indicator ledger's columns of the joint report: every figure of DistrictIndicators (docs/DOMAIN.md,
// "Indicators"), in the order of that table, with its definition in Chinese and English. riskDistribution is one field of
// DistrictIndicators but four columns here, one per colour (`riskDistribution.RED` ...); asking for
// `riskDistribution` gives all four.

// The figure a column reads from DistrictIndicators.
export type IndicatorField = Exclude<keyof DistrictIndicators, 'from' | 'to' | 'heroinEquivalentTable'>;

export interface IndicatorDefinition extends ColumnDefinition {
  // column key: the DistrictIndicators field name, or `riskDistribution.<COLOUR>`
  field: IndicatorField;
  riskColour?: RiskColour;
  // a count of persons: suppressed with this base column
  persons?: BaseColumn;
  // a rate or ratio: suppressed when either part is (a part that is not a count of persons is null here)
  numerator?: BaseColumn | null;
  denominator?: BaseColumn | null;
}

const count = (unitZh = '人', unitEn = 'persons') => ({ unitZh, unitEn, format: 'integer' as const });

export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  {
    key: 'casesFiled', field: 'casesFiled', group: CASES, kind: IndicatorKind.RECORD_COUNT, ...count('起', 'cases'),
    nameZh: '毒品刑事案件立案数', nameEn: 'Drug criminal cases filed',
    definitionZh: '立案地在本地区、立案日期在统计期间内的毒品刑事案件数。',
    definitionEn: 'Drug criminal cases filed in the district with the filing date in the period.',
  },
  {
    key: 'casesSolved', field: 'casesSolved', group: CASES, kind: IndicatorKind.RECORD_COUNT, ...count('起', 'cases'),
    nameZh: '破获毒品刑事案件数', nameEn: 'Drug criminal cases solved',
    definitionZh: '立案地在本地区、破案日期在统计期间内的毒品刑事案件数。',
    definitionEn: 'Drug criminal cases of the district with the solving date in the period.',
  },
  {
    key: 'targetCasesSolved', field: 'targetCasesSolved', group: CASES, kind: IndicatorKind.RECORD_COUNT, ...count('起', 'cases'),
    nameZh: '破获省部级目标案件数', nameEn: 'Target cases solved',
    definitionZh: '统计期间内破获的案件中，属于省部级目标案件的案件数。',
    definitionEn: 'Of the cases solved in the period, those flagged as provincial or ministerial target cases.',
  },
  {
    key: 'suspectsArrested', field: 'suspectsArrested', group: CASES, kind: IndicatorKind.PERSON_COUNT, ...count('人次', 'person-times'), persons: 'suspectsArrested',
    nameZh: '抓获犯罪嫌疑人数', nameEn: 'Suspects arrested',
    definitionZh: '案件属本地区、抓获日期在统计期间内的犯罪嫌疑人记录数（人次）。',
    definitionEn: 'Suspect records with the arrest date in the period, for cases of the district (person-times).',
  },
  {
    key: 'fugitivesArrested', field: 'fugitivesArrested', group: CASES, kind: IndicatorKind.PERSON_COUNT, ...count('人次', 'person-times'), persons: 'fugitivesArrested',
    nameZh: '抓获涉毒"钉子"逃犯数', nameEn: 'Long-wanted fugitives arrested',
    definitionZh: '上述抓获的犯罪嫌疑人中，标记为涉毒"钉子"逃犯的记录数。',
    definitionEn: 'Of the suspects arrested, those flagged as long-wanted drug fugitives.',
  },
  {
    key: 'manufacturingSitesDestroyed', field: 'manufacturingSitesDestroyed', group: CASES, kind: IndicatorKind.RECORD_COUNT, ...count('个', 'sites'),
    nameZh: '摧毁制毒窝点数', nameEn: 'Drug-manufacturing sites destroyed',
    definitionZh: '统计期间内破获案件所摧毁的制毒窝点数之和。',
    definitionEn: 'Sum of the manufacturing sites destroyed over the cases solved in the period.',
  },
  {
    key: 'seizedHeroinEquivalentKg', field: 'seizedHeroinEquivalentKg', group: CASES, kind: IndicatorKind.QUANTITY, unitZh: '千克', unitEn: 'kg', format: 'kilograms',
    nameZh: '缴获毒品折合海洛因', nameEn: 'Drugs seized, heroin equivalent',
    definitionZh: '本地区案件在统计期间内缴获的毒品克数乘以折合海洛因系数之和，除以1000（千克）；系数表见报表说明。',
    definitionEn: 'Grams of drugs seized in the period for cases of the district times the heroin-equivalent factor, summed, / 1000 (kg); the factor table is named in the report.',
  },
  {
    key: 'precursorSeizedKg', field: 'precursorSeizedKg', group: CASES, kind: IndicatorKind.QUANTITY, unitZh: '千克', unitEn: 'kg', format: 'kilograms',
    nameZh: '缴获制毒物品', nameEn: 'Precursor chemicals seized',
    definitionZh: '本地区案件在统计期间内缴获的制毒物品千克数。',
    definitionEn: 'Kilograms of precursor chemicals seized in the period for cases of the district.',
  },
  {
    key: 'outflowTraffickers', field: 'outflowTraffickers', group: CASES, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'outflowTraffickers',
    nameZh: '外流贩毒人员数', nameEn: 'Outflow traffickers',
    definitionZh: '居住地在本地区、统计期间内在区外被抓获的不同人员数。',
    definitionEn: 'Distinct persons resident in the district arrested outside the province in the period.',
  },
  {
    key: 'drugUseDetections', field: 'drugUseDetections', group: USERS, kind: IndicatorKind.PERSON_COUNT, ...count('人次', 'person-times'), persons: 'drugUseDetections',
    nameZh: '查处吸毒人员人次', nameEn: 'Drug-use detections',
    definitionZh: '在本地区查处、查处日期在统计期间内的吸毒人次。',
    definitionEn: 'Drug-use detections in the district with the detection date in the period (person-times).',
  },
  {
    key: 'newUsers', field: 'newUsers', group: USERS, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'newUsers',
    nameZh: '新发现吸毒人员数', nameEn: 'New drug users',
    definitionZh: '居住在本地区、首次被查处吸毒的日期在统计期间内的人数。',
    definitionEn: 'Residents of the district whose first-ever detection falls in the period.',
  },
  {
    key: 'registeredUsers', field: 'registeredUsers', group: USERS, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'registeredUsers',
    nameZh: '登记在册吸毒人员数', nameEn: 'Registered drug users',
    definitionZh: '截至统计截止日仍在世、居住在本地区、截止日前至少被查处过一次的人数。',
    definitionEn: 'Living residents of the district with at least one detection on or before the reference date (the last day of the period).',
  },
  {
    key: 'newUserRate', field: 'newUserRate', group: USERS, kind: IndicatorKind.RATE, unitZh: '比率', unitEn: 'share 0-1', format: 'share',
    numerator: 'newUsers', denominator: 'registeredUsers',
    nameZh: '吸毒人员新增率', nameEn: 'New drug-user rate',
    definitionZh: '新发现吸毒人员数 ÷ 登记在册吸毒人员数；分母为0时为空。',
    definitionEn: 'New drug users / registered drug users; empty when none are registered.',
  },
  {
    key: 'abstinentThreeYears', field: 'abstinentThreeYears', group: USERS, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'abstinentThreeYears',
    nameZh: '戒断三年未复吸人数', nameEn: 'Abstinent for three years',
    definitionZh: '登记在册吸毒人员中，最后一次吸毒证据（查处或阳性检测）早于截止日三年以上的人数。',
    definitionEn: 'Registered users whose last evidence of use (a detection or a positive test) is more than 3 years before the reference date.',
  },
  {
    key: 'currentUsers', field: 'currentUsers', group: USERS, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'currentUsers',
    nameZh: '现有吸毒人员数', nameEn: 'Current drug users',
    definitionZh: '登记在册吸毒人员数 − 戒断三年未复吸人数。',
    definitionEn: 'Registered drug users minus those abstinent for three years.',
  },
  {
    key: 'abstinenceConsolidationRate', field: 'abstinenceConsolidationRate', group: USERS, kind: IndicatorKind.RATE, unitZh: '比率', unitEn: 'share 0-1', format: 'share',
    numerator: 'abstinentThreeYears', denominator: 'registeredUsers',
    nameZh: '戒断巩固率', nameEn: 'Abstinence consolidation rate',
    definitionZh: '戒断三年未复吸人数 ÷ 登记在册吸毒人员数；分母为0时为空。',
    definitionEn: 'Abstinent for three years / registered drug users; empty when none are registered.',
  },
  {
    key: 'compulsoryIsolationAdmissions', field: 'compulsoryIsolationAdmissions', group: REHABILITATION, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'compulsoryIsolationAdmissions',
    nameZh: '强制隔离戒毒收治人数', nameEn: 'Compulsory isolated detox admissions',
    definitionZh: '本地区强制隔离戒毒决定中，报到（开始执行）日期在统计期间内的人数。',
    definitionEn: 'Compulsory isolated detox programmes of the district with the reporting (execution start) date in the period.',
  },
  {
    key: 'communityOrders', field: 'communityOrders', group: REHABILITATION, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'communityOrders',
    nameZh: '社区戒毒社区康复责令人数', nameEn: 'Community detox/rehab orders',
    definitionZh: '统计期间内责令、或截止日仍在执行中的社区戒毒、社区康复决定数。',
    definitionEn: 'Community detox and community rehab programmes ordered in the period or still open at the reference date.',
  },
  {
    key: 'communityExecutionRate', field: 'communityExecutionRate', group: REHABILITATION, kind: IndicatorKind.RATE, unitZh: '比率', unitEn: 'share 0-1', format: 'share',
    numerator: 'communityOrdersExecuted', denominator: 'communityOrders',
    nameZh: '社区戒毒社区康复执行率', nameEn: 'Community detox/rehab execution rate',
    definitionZh: '上述责令人数中，截止日前已报到执行的比例；分母为0时为空。',
    definitionEn: 'Of the community orders, the share reported (executed) by the reference date; empty when there are none.',
  },
  {
    key: 'communityConsolidationRate', field: 'communityConsolidationRate', group: REHABILITATION, kind: IndicatorKind.RATE, unitZh: '比率', unitEn: 'share 0-1', format: 'share',
    numerator: 'communityCompleted', denominator: 'communityEnded',
    nameZh: '社区戒毒社区康复执行巩固率', nameEn: 'Community detox/rehab consolidation rate',
    definitionZh: '统计期间内结束的社区戒毒、社区康复中，正常期满（COMPLETED）的比例；分母为0时为空。',
    definitionEn: 'Of the community programmes ended in the period, the share COMPLETED; empty when none ended.',
  },
  {
    key: 'absconded', field: 'absconded', group: REHABILITATION, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'absconded',
    nameZh: '脱失人数', nameEn: 'Absconded',
    definitionZh: '结果为脱失、且截止日前未以其他方式结案（未被重新责令）的社区戒毒、社区康复数。',
    definitionEn: 'Community programmes whose outcome is ABSCONDED and that are not closed otherwise (no later programme) at the reference date.',
  },
  {
    key: 'usersPerCaseworker', field: 'usersPerCaseworker', group: REHABILITATION, kind: IndicatorKind.RATIO, unitZh: '人/名', unitEn: 'persons per caseworker', format: 'ratio',
    numerator: 'openCommunityPersons', denominator: null,
    nameZh: '禁毒专干人均管理人数', nameEn: 'Users per caseworker',
    definitionZh: '截止日在社区戒毒、社区康复中的人数 ÷ 在岗禁毒专干人数（专干人数为当前在岗数）；无专干时为空。省定标准为每20名吸毒人员配备1名专干。',
    definitionEn: 'Persons in open community programmes at the reference date / anti-drug caseworkers in post (the current count); empty without caseworkers. The provincial norm is one caseworker per 20 users.',
  },
  {
    key: 'employmentAssisted', field: 'employmentAssisted', group: EMPLOYMENT, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'employmentAssisted',
    nameZh: '就业帮扶人数', nameEn: 'Persons given employment assistance',
    definitionZh: '居住在本地区、统计期间内开始接受就业帮扶的不同人数。',
    definitionEn: 'Distinct residents of the district with employment assistance started in the period.',
  },
  {
    key: 'employedShare', field: 'employedShare', group: EMPLOYMENT, kind: IndicatorKind.RATE, unitZh: '比率', unitEn: 'share 0-1', format: 'share',
    numerator: 'employedOpenCommunityPersons', denominator: 'openCommunityPersons',
    nameZh: '就业安置率', nameEn: 'Employed share',
    definitionZh: '截止日在社区戒毒、社区康复中的人员里，截止日有就业或自主创业帮扶在持续的比例；分母为0时为空。',
    definitionEn: 'Of the persons in open community programmes, the share with an EMPLOYED or SELF_EMPLOYED assistance open at the reference date; empty when there are none.',
  },
  {
    key: 'liftedOutOfPoverty', field: 'liftedOutOfPoverty', group: EMPLOYMENT, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: 'liftedOutOfPoverty',
    nameZh: '帮扶脱贫人数', nameEn: 'Lifted out of poverty',
    definitionZh: '居住在本地区、统计期间内帮扶脱贫（POVERTY_ALLEVIATION）结果为已脱贫的人数。',
    definitionEn: 'Residents with a POVERTY_ALLEVIATION assistance whose outcome LIFTED_OUT_OF_POVERTY falls in the period.',
  },
  ...(
    [
      [RiskColour.RED, '红', 'red', 'riskRed'],
      [RiskColour.ORANGE, '橙', 'orange', 'riskOrange'],
      [RiskColour.YELLOW, '黄', 'yellow', 'riskYellow'],
      [RiskColour.GREEN, '绿', 'green', 'riskGreen'],
    ] as const
  ).map(([colour, zh, en, column]): IndicatorDefinition => ({
    key: `riskDistribution.${colour}`, field: 'riskDistribution', group: USERS, riskColour: colour, kind: IndicatorKind.PERSON_COUNT, ...count(), persons: column,
    nameZh: `风险等级${zh}色人数`, nameEn: `Risk colour ${en}`,
    definitionZh: `"双四色"动态管控：截止日仍在世、居住在本地区、截止日前最近一次风险评估为${zh}色的人数。`,
    definitionEn: `Dual four-colour control: living residents whose latest risk assessment on or before the reference date is ${en}.`,
  })),
  {
    key: 'precursorPermits', field: 'precursorPermits', group: PRECURSORS, kind: IndicatorKind.RECORD_COUNT, ...count('件', 'permits'),
    nameZh: '易制毒化学品许可证件数', nameEn: 'Precursor-chemical permits',
    definitionZh: '本地区统计期间内签发的易制毒化学品购买、运输许可证件数。',
    definitionEn: 'Precursor-chemical purchase and transport permits issued in the district in the period.',
  },
  {
    key: 'precursorPermittedTonnes', field: 'precursorPermittedTonnes', group: PRECURSORS, kind: IndicatorKind.QUANTITY, unitZh: '吨', unitEn: 't', format: 'tonnes',
    nameZh: '易制毒化学品许可数量', nameEn: 'Precursor chemicals permitted',
    definitionZh: '上述许可证件许可的数量之和（吨）。',
    definitionEn: 'Quantity permitted by those permits, tonnes.',
  },
];

const BY_KEY = new Map(INDICATOR_DEFINITIONS.map((d) => [d.key, d]));

export function indicatorDefinition(key: string): IndicatorDefinition | undefined {
  return BY_KEY.get(key);
}

// The figure of one column in a district's indicators (null for an empty rate or a withheld figure).
export function indicatorValue(def: IndicatorDefinition, figures: DistrictIndicators): number | null {
  if (def.field === 'riskDistribution') {
    const entry = figures.riskDistribution.find((r) => r.colour === def.riskColour);
    return entry ? entry.persons : 0; // null: withheld
  }
  return figures[def.field];
}

// Columns drawn as charts on the printable page, in this order, when the report has them.
export const KEY_INDICATORS: readonly string[] = [
  'casesSolved',
  'seizedHeroinEquivalentKg',
  'drugUseDetections',
  'newUsers',
  'currentUsers',
  'abstinenceConsolidationRate',
  'newUserRate',
  'compulsoryIsolationAdmissions',
];
