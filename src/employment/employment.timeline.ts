import { Context } from '../core/context';
import { Department } from '../common/department';
import { TimelineEntry } from '../core/department-module';
import { mayRead } from '../policy/access-rules';
import { employmentLoaders } from './employment.loaders';

// The employment bureau's events in a person's timeline: employment assistances.
export async function employmentTimeline(personId: number, ctx: Context): Promise<TimelineEntry[]> {
  if (!mayRead(ctx.viewer.role, 'Person', 'employmentAssistances')) return [];
  const assistances = await employmentLoaders(ctx).assistancesByPerson.load(personId);
  return assistances.map((a) => ({
    department: Department.EMPLOYMENT, kind: 'EMPLOYMENT_ASSISTANCE', date: a.startedAt, record: a, id: a.id,
    summary: `就业帮扶 ${a.kind}${a.outcome ? `: ${a.outcome}` : ''}`,
  }));
}
