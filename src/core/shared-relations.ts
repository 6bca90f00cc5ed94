import { departmentModules } from './department-module';

// Derived tables over one department's records that the figures joining several departments read
// (src/indicators/cross-department.indicators.ts) and the person filters (src/persons/person.query.ts): each is supplied, as a parenthesised SELECT, by the
// department that holds the records (DepartmentModule.sharedRelations), so that those figures name no
// department table, kind or outcome. Named parameters in them (:ref) are bound by the caller.
export interface SharedRelations {
  // columns person_id, day: every drug-use detection
  detections?: string;
  // columns person_id, day: every positive test during follow-up
  positiveTests?: string;
  // columns id, person_id, district_code, rn: community programmes open at :ref (ordered on or before
  // it, not ended on or before it), ranked per person (rn = 1: the most recently ordered, ties by id)
  openCommunityProgrammes?: string;
  // columns person_id, started_at, ended_at: assistances that found work or self-employment
  employedSpells?: string;
  // columns person_id, ordered_at, ended_at: every rehabilitation programme
  programmeSpells?: string;
  // columns id, person_id, assessed_at, colour: every risk assessment
  riskAssessments?: string;
}

// The derived table one registered department supplies under this name (exactly one must).
export function sharedRelation(name: keyof SharedRelations): string {
  const supplied = departmentModules().flatMap((m) => (m.sharedRelations?.[name] ? [m.sharedRelations[name]] : []));
  if (supplied.length !== 1) throw new Error(`shared relation ${name}: supplied by ${supplied.length} registered departments, not one`);
  return supplied[0] as string;
}
