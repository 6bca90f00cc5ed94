import { Context } from '../core/context';
import { Department } from '../common/department';
import { TimelineEntry } from '../core/department-module';
import { mayRead } from '../policy/access-rules';
import { checksOf, justiceLoaders } from './justice.loaders';

// Justice's events in a person's timeline: rehabilitation programmes and their follow-up checks.
export async function justiceTimeline(personId: number, ctx: Context): Promise<TimelineEntry[]> {
  const l = justiceLoaders(ctx);
  const programmes = mayRead(ctx.viewer.role, 'Person', 'rehabProgrammes') ? await l.programmesByPerson.load(personId) : [];
  const checks = mayRead(ctx.viewer.role, 'RehabProgramme', 'followUpChecks')
    ? await checksOf(programmes, l)
    : [];
  const department = Department.JUSTICE;
  return [
    ...programmes.map((p) => ({
      department, kind: 'REHAB_PROGRAMME', date: p.orderedAt, record: p, id: p.id,
      summary: `戒毒康复 ${p.kind} ordered${p.reportedAt ? `, reported ${p.reportedAt}` : ', not reported'}${p.outcome ? `, ${p.outcome}` : ''}`,
    })),
    ...checks.map((c) => ({ department, kind: 'FOLLOW_UP_CHECK', date: c.checkedAt, record: c, id: c.id, summary: `帮扶/检测 ${c.kind}: ${c.result}` })),
  ];
}
