import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { minusYears } from '../common/period';
import { DateScalar } from '../common/scalars';
import { Context } from '../core/context';
import { departmentModules, PersonFacts } from '../core/department-module';

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

// Years without evidence of use after which a registered user counts as abstinent.
export const ABSTINENCE_YEARS = 3;

// The definitions of a person's drug-user status, the same as the district indicators', from the
// facts the departments registered at the composition root supply (DepartmentModule.personFacts).
export function computeStatus(asOf: string, deceasedAt: string | null, facts: PersonFacts): PersonStatus {
  const alive = deceasedAt === null || deceasedAt > asOf;
  const detected = (facts.detectionDays ?? []).filter((d) => d <= asOf);
  const positive = (facts.positiveTestDays ?? []).filter((d) => d <= asOf);
  const evidence = [...detected, ...positive].sort();
  const last = evidence.length ? evidence[evidence.length - 1] : null;
  const registeredUser = alive && detected.length > 0;
  const open = (facts.programmes ?? []).filter((p) => isOpenAt(p.start, p.end, asOf));
  const openAssistances = (facts.assistances ?? []).filter((a) => isOpenAt(a.start, a.end, asOf));
  return {
    asOf,
    registeredUser,
    abstinentThreeYears: registeredUser && last !== null && last < minusYears(asOf, ABSTINENCE_YEARS),
    lastEvidenceOfUseAt: last,
    inOpenProgramme: open.length > 0,
    inOpenCommunityProgramme: open.some((p) => p.community),
    employed: openAssistances.some((a) => a.employed),
    hasOpenEmploymentAssistance: openAssistances.length > 0,
  };
}

// Every registered department's facts about the person, merged.
export async function personFacts(personId: number, ctx: Context): Promise<PersonFacts> {
  const parts = await Promise.all(departmentModules().map((m) => (m.personFacts ? m.personFacts(personId, ctx) : Promise.resolve({}))));
  // two sources of the same fact add to it, never overwrite each other
  const facts: Record<string, unknown[]> = {};
  for (const part of parts) for (const [name, list] of Object.entries(part)) facts[name] = [...(facts[name] ?? []), ...(list as unknown[])];
  return facts as PersonFacts;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
