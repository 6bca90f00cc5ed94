import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { RiskColour } from '../core/risk-colour';

// Field names are a public contract. Every figure is for one district (including all its descendants)
// and one period [from, to], both days inclusive; "reference date" = `to`. Rates are ratios of sums over
// the district's descendants, never averages of district rates; a rate whose denominator is 0 is null.

@ObjectType({ description: 'Persons whose latest risk assessment has this colour (各风险颜色人数)' })
export class RiskCount {
  @Field(() => RiskColour, { description: 'Risk colour (风险等级颜色)' })
  colour: RiskColour;

  @Field(() => Int, { nullable: true, description: 'Number of persons; null when withheld (docs/RELEASE-RULES.md) (人数)' })
  persons: number | null;
}

@ObjectType({ description: "A district's drug-control indicators for a period (禁毒工作指标)" })
export class DistrictIndicators {
  @Field(() => DateScalar, { description: 'First day of the period, inclusive (统计起始日期)' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period, inclusive; the reference date (统计截止日期/参照日期)' })
  to: string;

  @Field(() => String, { description: 'Heroin-equivalent factor table used, e.g. SPC-2016 (折合海洛因系数表)' })
  heroinEquivalentTable: string;

  @Field(() => Int, { description: 'Drug criminal cases filed in the period (毒品刑事案件立案数)' })
  casesFiled: number;

  @Field(() => Int, { description: 'Drug criminal cases solved in the period (毒品刑事案件破案数)' })
  casesSolved: number;

  @Field(() => Int, { description: 'Provincial or ministerial target cases solved in the period (破获省部级目标案件数)' })
  targetCasesSolved: number;

  @Field(() => Int, { nullable: true, description: 'Suspect records arrested in the period, cases in the district; null when withheld (docs/RELEASE-RULES.md) (抓获犯罪嫌疑人数)' })
  suspectsArrested: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those arrested, long-wanted fugitives; null when withheld (docs/RELEASE-RULES.md) (抓获涉毒"钉子"逃犯数)' })
  fugitivesArrested: number | null;

  @Field(() => Int, { description: 'Drug-manufacturing sites destroyed, over cases solved in the period (摧毁制毒窝点数)' })
  manufacturingSitesDestroyed: number;

  @Field(() => Float, { description: 'Drugs seized in the period, kilograms of heroin equivalent (缴获毒品折合海洛因, 千克)' })
  seizedHeroinEquivalentKg: number;

  @Field(() => Float, { description: 'Precursor chemicals seized in the period, kilograms (缴获制毒物品, 千克)' })
  precursorSeizedKg: number;

  @Field(() => Int, { nullable: true, description: 'Distinct residents arrested outside the province in the period; null when withheld (docs/RELEASE-RULES.md) (外流贩毒人员数)' })
  outflowTraffickers: number | null;

  @Field(() => Int, { nullable: true, description: 'Drug-use detections in the period, person-times; null when withheld (docs/RELEASE-RULES.md) (查处吸毒人次)' })
  drugUseDetections: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents whose first-ever detection falls in the period; null when withheld (docs/RELEASE-RULES.md) (新发现吸毒人员数)' })
  newUsers: number | null;

  @Field(() => Int, { nullable: true, description: 'Living residents with a detection on or before the reference date; null when withheld (docs/RELEASE-RULES.md) (登记在册吸毒人员数)' })
  registeredUsers: number | null;

  @Field(() => Float, { nullable: true, description: 'Share: newUsers / registeredUsers; null when none registered; null when withheld (docs/RELEASE-RULES.md) (新发现吸毒人员占比)' })
  newUserRate: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Registered users whose last evidence of use is more than 3 years before the reference date; null when withheld (docs/RELEASE-RULES.md) (戒断三年未复吸人数)',
  })
  abstinentThreeYears: number | null;

  @Field(() => Int, { nullable: true, description: 'Count: registeredUsers - abstinentThreeYears; null when withheld (docs/RELEASE-RULES.md) (现有吸毒人员数)' })
  currentUsers: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share: abstinentThreeYears / registeredUsers; null when none registered; null when withheld (docs/RELEASE-RULES.md) (戒断三年未复吸人员巩固率)',
  })
  abstinenceConsolidationRate: number | null;

  @Field(() => Int, { nullable: true, description: 'Compulsory isolated detox admissions (reported) in the period; null when withheld (docs/RELEASE-RULES.md) (强制隔离戒毒收治人数)' })
  compulsoryIsolationAdmissions: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Community detox/rehab programmes ordered in the period or open at the reference date; null when withheld (docs/RELEASE-RULES.md) (社区戒毒社区康复责令人数)',
  })
  communityOrders: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of communityOrders, the share reported (executed) by the reference date; null when none; null when withheld (docs/RELEASE-RULES.md) (社区戒毒社区康复执行率)',
  })
  communityExecutionRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of community programmes ended in the period, the share COMPLETED; null when none ended; null when withheld (docs/RELEASE-RULES.md) (社区戒毒社区康复巩固率)',
  })
  communityConsolidationRate: number | null;

  @Field(() => Int, { nullable: true, description: 'Community programmes absconded and not closed otherwise at the reference date; null when withheld (docs/RELEASE-RULES.md) (脱失人数)' })
  absconded: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Persons in open community programmes per caseworker in post; null without caseworkers; null when withheld (docs/RELEASE-RULES.md) (禁毒专干人均管理人数)',
  })
  usersPerCaseworker: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct residents with employment assistance started in the period; null when withheld (docs/RELEASE-RULES.md) (就业帮扶人数)' })
  employmentAssisted: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of persons in open community programmes, the share employed or self-employed at the reference date; null when withheld (docs/RELEASE-RULES.md) (就业安置率)',
  })
  employedShare: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents lifted out of poverty by poverty-alleviation assistance in the period; null when withheld (docs/RELEASE-RULES.md) (帮扶脱贫人数)' })
  liftedOutOfPoverty: number | null;

  @Field(() => [RiskCount], {
    description: 'Living residents per latest risk colour at the reference date, RED, ORANGE, YELLOW, GREEN (双四色风险分布)',
  })
  riskDistribution: RiskCount[];

  @Field(() => Int, { description: 'Precursor-chemical permits issued in the period (易制毒化学品许可证件数)' })
  precursorPermits: number;

  @Field(() => Float, { description: 'Quantity permitted by those permits, tonnes (许可数量, 吨)' })
  precursorPermittedTonnes: number;
}
