import { DataSource } from 'typeorm';
import { readQuery } from '../common/read-replica';
import { Period } from '../common/period';
import { bindNamed, rowsToSums, SumsByCode } from '../core/indicator-sums';
import { SharedRelations } from '../core/shared-relations';
import { AssistanceKind, AssistanceOutcome } from './employment.enums';

// The employment bureau's (人社/就业) part of the district indicators: two grouped statements.

// employmentAssisted: distinct persons with an assistance started in the period;
// liftedOutOfPoverty: distinct persons with a POVERTY_ALLEVIATION assistance whose outcome is
// LIFTED_OUT_OF_POVERTY and that ended in the period. Both by the person's residence district.
export async function assistanceIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const lifted = `ea.kind = '${AssistanceKind.POVERTY_ALLEVIATION}' AND ea.outcome = '${AssistanceOutcome.LIFTED_OUT_OF_POVERTY}'
                  AND ea.ended_at BETWEEN :from AND :to`;
  const [text, params] = bindNamed(
    `SELECT p.residence_district_code AS code,
       COUNT(DISTINCT CASE WHEN ea.started_at BETWEEN :from AND :to THEN ea.person_id END) AS employmentAssisted,
       COUNT(DISTINCT CASE WHEN ${lifted} THEN ea.person_id END) AS liftedOutOfPoverty
     FROM employment_assistance ea
     JOIN person p ON p.id = ea.person_id
     WHERE ea.started_at BETWEEN :from AND :to OR ea.ended_at BETWEEN :from AND :to
     GROUP BY p.residence_district_code`,
    { from: period.from, to: period.to },
  );
  return rowsToSums(await readQuery(ds, text, params), ['employmentAssisted', 'liftedOutOfPoverty']);
}

// The employment bureau's own figure for the reference definition (employed open-community persons
// join justice's programmes: a cross-department figure of src/indicators).
export function employmentIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  return assistanceIndicators(ds, period);
}

// The employment bureau's derived table for the figures that join departments (src/core/shared-relations.ts).
export const employmentSharedRelations: SharedRelations = {
  employedSpells: `(SELECT person_id, started_at, ended_at FROM employment_assistance WHERE outcome IN ('${AssistanceOutcome.EMPLOYED}', '${AssistanceOutcome.SELF_EMPLOYED}'))`,
};
