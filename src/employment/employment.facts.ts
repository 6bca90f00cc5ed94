import { Context } from '../core/context';
import { PersonFacts } from '../core/department-module';
import { AssistanceOutcome } from './employment.enums';
import { employmentLoaders } from './employment.loaders';

const EMPLOYED = new Set([AssistanceOutcome.EMPLOYED, AssistanceOutcome.SELF_EMPLOYED]);

// What the employment bureau tells about a person's status: assistances, and whether they employ.
export async function employmentFacts(personId: number, ctx: Context): Promise<PersonFacts> {
  const assistances = await employmentLoaders(ctx).assistancesByPerson.load(personId);
  return { assistances: assistances.map((a) => ({ start: a.startedAt, end: a.endedAt, employed: a.outcome !== null && EMPLOYED.has(a.outcome) })) };
}
