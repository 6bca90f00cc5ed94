import { Context } from '../core/context';
import { Department } from '../common/department';
import { TimelineEntry } from '../core/department-module';
import { mayRead } from '../policy/access-rules';
import { publicSecurityLoaders } from './public-security.loaders';

// Public security's events in a person's timeline: detections, case involvements, risk assessments.
export async function publicSecurityTimeline(personId: number, ctx: Context): Promise<TimelineEntry[]> {
  const l = publicSecurityLoaders(ctx);
  const may = (field: string) => mayRead(ctx.viewer.role, 'Person', field);
  const [detections, involvements, risks] = await Promise.all([
    may('drugUseDetections') ? l.detectionsByPerson.load(personId) : [],
    may('drugCases') ? l.involvementsByPerson.load(personId) : [],
    may('riskAssessments') ? l.riskAssessmentsByPerson.load(personId) : [],
  ]);
  const cases = involvements.every((s) => s.caseRef) ? involvements.map((s) => s.caseRef) : await Promise.all(involvements.map((s) => l.caseById.load(s.caseId)));
  const department = Department.PUBLIC_SECURITY;
  return [
    ...detections.map((d) => ({
      department, kind: 'DRUG_USE_DETECTION', date: d.detectedAt, record: d, id: d.id,
      summary: `查处吸毒 Drug use detected: ${d.substance} (${d.method}), ${d.disposition}`,
    })),
    ...involvements.map((s, i) => {
      const c = cases[i];
      return {
        department, kind: 'CASE_INVOLVEMENT', date: s.arrestedAt ?? c?.filedAt ?? '', record: s, id: s.id,
        summary: `涉案 ${s.role} in case ${c?.caseNumber ?? '?'} (${c?.caseType ?? '?'})${s.arrestedAt ? ', arrested' : ''}`,
      };
    }),
    ...risks.map((r) => ({
      department, kind: 'RISK_ASSESSMENT', date: r.assessedAt, record: r, id: r.id,
      summary: `风险评估 Risk ${r.riskColour}, control ${r.controlColour}`,
    })),
  ];
}
