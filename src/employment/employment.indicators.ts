import { DataSource } from 'typeorm';
import { Period } from '../common/period';
import { bindNamed, mergeSums, rowsToSums, SumsByCode } from '../districts/indicators/indicator-sums';
import { OPEN_COMMUNITY_PROGRAMMES_SQL } from '../justice/justice.indicators';
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
  return rowsToSums(await ds.query(text, params), ['employmentAssisted', 'liftedOutOfPoverty']);
}

// employedOpenCommunityPersons: of the persons in an open community programme at R (counted in the
// district of their most recent open programme, exactly as justice counts openCommunityPersons), those
// with an EMPLOYED or SELF_EMPLOYED assistance open at R (started on or before R, not ended on or before R).
export async function employedIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const [text, params] = bindNamed(
    `SELECT o.district_code AS code, COUNT(*) AS employedOpenCommunityPersons
     FROM ${OPEN_COMMUNITY_PROGRAMMES_SQL} o
     WHERE o.rn = 1 AND EXISTS (
       SELECT 1 FROM employment_assistance ea
       WHERE ea.person_id = o.person_id
         AND ea.outcome IN ('${AssistanceOutcome.EMPLOYED}', '${AssistanceOutcome.SELF_EMPLOYED}')
         AND ea.started_at <= :ref AND (ea.ended_at IS NULL OR ea.ended_at > :ref)
     )
     GROUP BY o.district_code`,
    { ref: period.to },
  );
  return rowsToSums(await ds.query(text, params), ['employedOpenCommunityPersons']);
}

export async function employmentIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  return mergeSums(await Promise.all([assistanceIndicators(ds, period), employedIndicators(ds, period)]));
}
