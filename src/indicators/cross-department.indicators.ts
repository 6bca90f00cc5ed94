import { DataSource } from 'typeorm';
import { readQuery } from '../common/read-replica';
import { minusYears, Period } from '../common/period';
import { bindNamed, rowsToSums, SumsByCode } from '../core/indicator-sums';
import { sharedRelation as relation } from '../core/shared-relations';

// Figures that join several departments' records, computed here rather than in one department (a
// department never reads another's tables). They read the departments' records through the derived
// tables each department registers (src/core/shared-relations.ts).


// Person-based drug-user figures (吸毒人员), counted by the person's residence district (居住地),
// at the reference date R = the period's last day, in ONE grouped statement:
// - first detection  = MIN(detected_at) over detections <= R
// - last evidence    = the later of MAX(detected_at <= R) and MAX(positive follow-up check <= R)
// - newUsers         = first detection within [from, to] (a flow: persons who died since still count)
// - registeredUsers  = living at R (deceased_at null or > R) with a detection <= R
// - abstinentThreeYears = registered, last evidence strictly before R minus 3 years (more than 3 years):
//   the last detection is before R - 3 years AND no positive check falls in [R - 3 years, R]. Asked
//   that way (an EXISTS on the (person_id, result, checked_at) index, only for the persons whose last
//   detection is old enough) instead of grouping every follow-up check of the province by person,
//   which read the whole check table (10+ rows per person) on every call.
export async function personIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const ref = period.to;
  const [text, params] = bindNamed(
    `SELECT p.residence_district_code AS code,
       SUM(CASE WHEN d.first_at BETWEEN :from AND :to THEN 1 ELSE 0 END) AS newUsers,
       SUM(CASE WHEN p.deceased_at IS NULL OR p.deceased_at > :ref THEN 1 ELSE 0 END) AS registeredUsers,
       SUM(CASE WHEN (p.deceased_at IS NULL OR p.deceased_at > :ref)
                 AND d.last_at < :cutoff
                 AND NOT EXISTS (
                   SELECT 1 FROM ${relation('positiveTests')} fc
                   WHERE fc.person_id = p.id AND fc.day >= :cutoff AND fc.day <= :ref
                 )
                THEN 1 ELSE 0 END) AS abstinentThreeYears
     FROM person p
     JOIN (
       SELECT du.person_id, MIN(du.day) AS first_at, MAX(du.day) AS last_at
       FROM ${relation('detections')} du
       WHERE du.day <= :ref
       GROUP BY du.person_id
     ) d ON d.person_id = p.id
     GROUP BY p.residence_district_code`,
    { from: period.from, to: period.to, ref, cutoff: minusYears(ref, 3) },
  );
  return rowsToSums(await readQuery(ds, text, params), ['newUsers', 'registeredUsers', 'abstinentThreeYears']);
}

// employedOpenCommunityPersons: of the persons in an open community programme at R (counted in the
// district of their most recent open programme, exactly as justice counts openCommunityPersons), those
// with an EMPLOYED or SELF_EMPLOYED assistance open at R (started on or before R, not ended on or before R).
export async function employedIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const [text, params] = bindNamed(
    `SELECT o.district_code AS code, COUNT(*) AS employedOpenCommunityPersons
     FROM ${relation('openCommunityProgrammes')} o
     WHERE o.rn = 1 AND EXISTS (
       SELECT 1 FROM ${relation('employedSpells')} ea
       WHERE ea.person_id = o.person_id
         AND ea.started_at <= :ref AND (ea.ended_at IS NULL OR ea.ended_at > :ref)
     )
     GROUP BY o.district_code`,
    { ref: period.to },
  );
  return rowsToSums(await readQuery(ds, text, params), ['employedOpenCommunityPersons']);
}
