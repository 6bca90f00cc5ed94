import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { RiskColour } from '../core/risk-colour';
import { IndicatorKind } from '../core/report-column';
import { INDICATOR_DEFINITIONS } from './indicator-definitions';

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

// The figures' GraphQL fields are declared from their definitions (indicator-definitions.ts): name,
// type, nullability and description come from there, below the class; `riskDistribution` (four
// definitions, one field) and the period are declared here.
@ObjectType({ description: "A district's drug-control indicators for a period (禁毒工作指标)" })
export class DistrictIndicators {
  @Field(() => DateScalar, { description: 'First day of the period, inclusive (统计起始日期)' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period, inclusive; the reference date (统计截止日期/参照日期)' })
  to: string;

  @Field(() => String, { description: 'Heroin-equivalent factor table used, e.g. SPC-2016 (折合海洛因系数表)' })
  heroinEquivalentTable: string;

  @Field(() => [RiskCount], {
    description: 'Living residents per latest risk colour at the reference date, RED, ORANGE, YELLOW, GREEN (双四色风险分布)',
  })
  riskDistribution: RiskCount[];

  declare casesFiled: number;
  declare casesSolved: number;
  declare targetCasesSolved: number;
  declare suspectsArrested: number | null;
  declare fugitivesArrested: number | null;
  declare manufacturingSitesDestroyed: number;
  declare seizedHeroinEquivalentKg: number;
  declare precursorSeizedKg: number;
  declare outflowTraffickers: number | null;
  declare drugUseDetections: number | null;
  declare newUsers: number | null;
  declare registeredUsers: number | null;
  declare newUserRate: number | null;
  declare abstinentThreeYears: number | null;
  declare currentUsers: number | null;
  declare abstinenceConsolidationRate: number | null;
  declare compulsoryIsolationAdmissions: number | null;
  declare communityOrders: number | null;
  declare communityExecutionRate: number | null;
  declare communityConsolidationRate: number | null;
  declare absconded: number | null;
  declare usersPerCaseworker: number | null;
  declare employmentAssisted: number | null;
  declare employedShare: number | null;
  declare liftedOutOfPoverty: number | null;
  declare precursorPermits: number;
  declare precursorPermittedTonnes: number;
}

for (const def of INDICATOR_DEFINITIONS) {
  if (def.field === 'riskDistribution') continue;
  const withheld = !!(def.persons || def.numerator || def.denominator);
  const empty = def.kind === IndicatorKind.RATE || def.kind === IndicatorKind.RATIO;
  // the definition says "empty" for an export's cell; here that is null
  const description = `${def.nameEn}: ${def.definitionEn.replace(/\bempty (when|without)\b/g, 'null $1')}${withheld ? ' Null when withheld (docs/RELEASE-RULES.md).' : ''} (${def.nameZh})`;
  Field(() => (def.format === 'integer' ? Int : Float), { nullable: withheld || empty, description })(DistrictIndicators.prototype, def.field);
}
