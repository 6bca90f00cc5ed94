import { Context } from '../core/context';
import { PersonFacts } from '../core/department-module';
import { CheckResult, ProgrammeKind } from './justice.enums';
import { checksOf, justiceLoaders } from './justice.loaders';

const COMMUNITY = new Set([ProgrammeKind.COMMUNITY_DETOX, ProgrammeKind.COMMUNITY_REHAB]);

// What justice tells about a person's status: programmes (community or not) and positive tests.
export async function justiceFacts(personId: number, ctx: Context): Promise<PersonFacts> {
  const l = justiceLoaders(ctx);
  const programmes = await l.programmesByPerson.load(personId);
  const checks = await checksOf(programmes, l);
  return {
    programmes: programmes.map((p) => ({ start: p.orderedAt, end: p.endedAt, community: COMMUNITY.has(p.kind) })),
    positiveTestDays: checks.filter((c) => c.result === CheckResult.POSITIVE).map((c) => c.checkedAt),
  };
}
