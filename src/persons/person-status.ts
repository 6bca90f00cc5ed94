import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { minusYears } from '../common/period';
import { DateScalar } from '../common/scalars';
import { EmploymentAssistance } from '../employment/employment-assistance.entity';
import { AssistanceOutcome } from '../employment/employment.enums';
import { FollowUpCheck } from '../justice/follow-up-check.entity';
import { CheckResult, ProgrammeKind } from '../justice/justice.enums';
import { RehabProgramme } from '../justice/rehab-programme.entity';
import { DrugUseDetection } from '../public-security/drug-use-detection.entity';

export enum UserStatus {
  REGISTERED_USER = 'REGISTERED_USER',
  CURRENT_USER = 'CURRENT_USER',
  ABSTINENT_THREE_YEARS = 'ABSTINENT_THREE_YEARS',
}
registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Drug-user status at a reference date, as defined for the indicators (吸毒人员状态)',
  valuesConfig: {
    REGISTERED_USER: { description: 'Living, with at least one detection on or before the date (登记在册吸毒人员)' },
    CURRENT_USER: { description: 'Registered and not three-year abstinent (现有吸毒人员)' },
    ABSTINENT_THREE_YEARS: { description: 'Registered, last evidence of use more than 3 years before the date (戒断三年未复吸)' },
  },
});

@ObjectType({ description: "A person's situation across the three departments at a reference date (人员状态摘要)" })
export class PersonStatus {
  @Field(() => DateScalar, { description: 'Reference date of this summary (参照日期)' })
  asOf: string;

  @Field(() => Boolean, { nullable: true, description: 'Registered drug user: living, detected on or before the date (登记在册)' })
  registeredUser: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Last evidence of use more than 3 years before the date (戒断三年未复吸)' })
  abstinentThreeYears: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Latest detection or positive test on or before the date (最近吸毒证据日期)' })
  lastEvidenceOfUseAt: string | null;

  @Field(() => Boolean, { nullable: true, description: 'In a rehabilitation programme open at the date (在戒毒康复中)' })
  inOpenProgramme: boolean;

  @Field({ description: 'In an open community detox or rehabilitation programme (在社区戒毒/康复中)' })
  inOpenCommunityProgramme: boolean;

  @Field(() => Boolean, { nullable: true, description: 'An EMPLOYED or SELF_EMPLOYED assistance open at the date (已就业)' })
  employed: boolean;

  @Field({ description: 'Any employment assistance open at the date: the summary other departments see (有在办就业帮扶)' })
  hasOpenEmploymentAssistance: boolean;
}

export function isOpenAt(start: string | null, end: string | null, asOf: string): boolean {
  return start !== null && start <= asOf && (end === null || end > asOf);
}

const COMMUNITY = new Set([ProgrammeKind.COMMUNITY_DETOX, ProgrammeKind.COMMUNITY_REHAB]);
const EMPLOYED = new Set([AssistanceOutcome.EMPLOYED, AssistanceOutcome.SELF_EMPLOYED]);

// The same definitions as the district indicators (docs/DOMAIN.md), for one person.
export function computeStatus(input: {
  asOf: string;
  deceasedAt: string | null;
  detections: DrugUseDetection[];
  checks: FollowUpCheck[];
  programmes: RehabProgramme[];
  assistances: EmploymentAssistance[];
}): PersonStatus {
  const { asOf } = input;
  const alive = input.deceasedAt === null || input.deceasedAt > asOf;
  const detected = input.detections.map((d) => d.detectedAt).filter((d) => d <= asOf);
  const positive = input.checks.filter((c) => c.result === CheckResult.POSITIVE && c.checkedAt <= asOf).map((c) => c.checkedAt);
  const evidence = [...detected, ...positive].sort();
  const last = evidence.length ? evidence[evidence.length - 1] : null;
  const registeredUser = alive && detected.length > 0;
  const open = input.programmes.filter((p) => isOpenAt(p.orderedAt, p.endedAt, asOf));
  return {
    asOf,
    registeredUser,
    abstinentThreeYears: registeredUser && last !== null && last < minusYears(asOf, 3),
    lastEvidenceOfUseAt: last,
    inOpenProgramme: open.length > 0,
    inOpenCommunityProgramme: open.some((p) => COMMUNITY.has(p.kind)),
    employed: input.assistances.some((a) => a.outcome !== null && EMPLOYED.has(a.outcome) && isOpenAt(a.startedAt, a.endedAt, asOf)),
    hasOpenEmploymentAssistance: input.assistances.some((a) => isOpenAt(a.startedAt, a.endedAt, asOf)),
  };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
