import { DataSource } from 'typeorm';
import { readQuery } from '../common/read-replica';
import { minusYears, Period } from '../common/period';
import { bindNamed, rowsToSums, SumsByCode } from '../districts/indicators/indicator-sums';
import { CheckResult } from '../justice/justice.enums';

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
                   SELECT 1 FROM follow_up_check fc
                   WHERE fc.person_id = p.id AND fc.result = '${CheckResult.POSITIVE}'
                     AND fc.checked_at >= :cutoff AND fc.checked_at <= :ref
                 )
                THEN 1 ELSE 0 END) AS abstinentThreeYears
     FROM person p
     JOIN (
       SELECT du.person_id, MIN(du.detected_at) AS first_at, MAX(du.detected_at) AS last_at
       FROM drug_use_detection du
       WHERE du.detected_at <= :ref
       GROUP BY du.person_id
     ) d ON d.person_id = p.id
     GROUP BY p.residence_district_code`,
    { from: period.from, to: period.to, ref, cutoff: minusYears(ref, 3) },
  );
  return rowsToSums(await readQuery(ds, text, params), ['newUsers', 'registeredUsers', 'abstinentThreeYears']);
}
