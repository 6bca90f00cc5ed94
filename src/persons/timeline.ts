import { createUnionType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { mayRead } from '../policy/access-rules';
import { Context } from '../context';
import { DateScalar } from '../common/scalars';
import { EmploymentAssistance } from '../employment/employment-assistance.entity';
import { FollowUpCheck } from '../justice/follow-up-check.entity';
import { RehabProgramme } from '../justice/rehab-programme.entity';
import { CaseSuspect } from '../public-security/case-suspect.entity';
import { DrugUseDetection } from '../public-security/drug-use-detection.entity';
import { RiskAssessment } from '../public-security/risk-assessment.entity';

export enum Department {
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  JUSTICE = 'JUSTICE',
  EMPLOYMENT = 'EMPLOYMENT',
}
registerEnumType(Department, {
  name: 'Department',
  description: 'The department that owns a record (数据来源部门)',
  valuesConfig: {
    PUBLIC_SECURITY: { description: 'Public security (公安)' },
    JUSTICE: { description: 'Justice administration (司法行政)' },
    EMPLOYMENT: { description: 'Employment bureau (人社)' },
  },
});

export const TimelineRecord = createUnionType({
  name: 'TimelineRecord',
  description: 'The record behind a timeline event (事件对应的记录)',
  types: () => [DrugUseDetection, CaseSuspect, RiskAssessment, RehabProgramme, FollowUpCheck, EmploymentAssistance] as const,
});

@ObjectType({ description: "One event of a person's history, from any department (人员时间线事件)" })
export class TimelineEvent {
  @Field(() => Department, { description: 'Department that recorded it (来源部门)' })
  department: Department;

  @Field({ description: 'Kind of event, e.g. DRUG_USE_DETECTION (事件类型)' })
  kind: string;

  @Field(() => DateScalar, { description: 'Day of the event (日期)' })
  date: string;

  @Field({ description: 'One-line summary (摘要)' })
  summary: string;

  @Field(() => TimelineRecord, { description: 'The record itself (记录)' })
  record: typeof TimelineRecord;

  // ordering within a day: source record id
  id: number;
}

// Every department's records about the person, merged newest first. Uses the same loaders as the
// per-department fields, so asking for both costs no extra statement.
// Only the kinds of record the viewer's role may read are loaded at all: nothing leaks through the timeline.
export async function buildTimeline(personId: number, ctx: Context): Promise<TimelineEvent[]> {
  const l = ctx.loaders;
  const may = (type: string, field: string) => mayRead(ctx.viewer.role, type, field);
  const none = Promise.resolve([]);
  const [detections, involvements, risks, programmes, assistances] = await Promise.all([
    may('Person', 'drugUseDetections') ? l.detectionsByPerson.load(personId) : none,
    may('Person', 'drugCases') ? l.involvementsByPerson.load(personId) : none,
    may('Person', 'riskAssessments') ? l.riskAssessmentsByPerson.load(personId) : none,
    may('Person', 'rehabProgrammes') ? l.programmesByPerson.load(personId) : none,
    may('Person', 'employmentAssistances') ? l.assistancesByPerson.load(personId) : none,
  ]);
  const [cases, checks] = await Promise.all([
    Promise.all(involvements.map((s) => l.caseById.load(s.caseId))),
    may('RehabProgramme', 'followUpChecks') ? Promise.all(programmes.map((p) => l.checksByProgramme.load(p.id))) : Promise.resolve([]),
  ]);
  const ev = (department: Department, kind: string, date: string, summary: string, record: TimelineEvent['record'], id: number) =>
    ({ department, kind, date, summary, record, id });
  const events: TimelineEvent[] = [
    ...detections.map((d) =>
      ev(Department.PUBLIC_SECURITY, 'DRUG_USE_DETECTION', d.detectedAt, `查处吸毒 Drug use detected: ${d.substance} (${d.method}), ${d.disposition}`, d, d.id),
    ),
    ...involvements.map((s, i) => {
      const c = cases[i];
      const date = s.arrestedAt ?? c?.filedAt ?? '';
      return ev(Department.PUBLIC_SECURITY, 'CASE_INVOLVEMENT', date, `涉案 ${s.role} in case ${c?.caseNumber ?? '?'} (${c?.caseType ?? '?'})${s.arrestedAt ? ', arrested' : ''}`, s, s.id);
    }),
    ...risks.map((r) => ev(Department.PUBLIC_SECURITY, 'RISK_ASSESSMENT', r.assessedAt, `风险评估 Risk ${r.riskColour}, control ${r.controlColour}`, r, r.id)),
    ...programmes.map((p) =>
      ev(Department.JUSTICE, 'REHAB_PROGRAMME', p.orderedAt, `戒毒康复 ${p.kind} ordered${p.reportedAt ? `, reported ${p.reportedAt}` : ', not reported'}${p.outcome ? `, ${p.outcome}` : ''}`, p, p.id),
    ),
    ...checks.flat().map((c) => ev(Department.JUSTICE, 'FOLLOW_UP_CHECK', c.checkedAt, `帮扶/检测 ${c.kind}: ${c.result}`, c, c.id)),
    ...assistances.map((a) =>
      ev(Department.EMPLOYMENT, 'EMPLOYMENT_ASSISTANCE', a.startedAt, `就业帮扶 ${a.kind}${a.outcome ? `: ${a.outcome}` : ''}`, a, a.id),
    ),
  ];
  return events.sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}
