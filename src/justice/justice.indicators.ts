import { DataSource } from 'typeorm';
import { readQuery } from '../common/read-replica';
import { Period } from '../common/period';
import { bindNamed, districtFilter, mergeSums, rowsToSums, SumsByCode } from '../core/indicator-sums';
import { SharedRelations } from '../core/shared-relations';
import { CheckResult, ProgrammeKind, ProgrammeOutcome } from './justice.enums';

// Justice's (司法行政) part of the district indicators, by rehab_programme.district_code and
// caseworker.district_code: two grouped statements. R = the reference date (the period's last day).

export const COMMUNITY_KINDS_SQL = `('${ProgrammeKind.COMMUNITY_DETOX}', '${ProgrammeKind.COMMUNITY_REHAB}')`;

// Derived table of the community programmes open at :ref (ordered on or before it, not ended on or
// before it), ranked per person (rn = 1: the most recently ordered, ties by highest id). A person with
// two open community programmes is counted once, in the district of rn = 1, so that persons add up
// from counties to cities without double counting.
// Columns: id, person_id, district_code, rn. Shared with the figures that join employment (employedShare).
const OPEN_COMMUNITY_PROGRAMMES_SQL = `(
  SELECT op.id, op.person_id, op.district_code,
    ROW_NUMBER() OVER (PARTITION BY op.person_id ORDER BY op.ordered_at DESC, op.id DESC) AS rn
  FROM rehab_programme op
  WHERE op.kind IN ${COMMUNITY_KINDS_SQL} AND op.ordered_at <= :ref AND (op.ended_at IS NULL OR op.ended_at > :ref)
)`;

// One row per programme with 0/1 flags, summed per district:
// - compulsoryIsolationAdmissions: COMPULSORY_ISOLATION with reported_at in the period
// - communityOrders: community programme ordered in the period, or open at R
// - communityOrdersExecuted: of those, reported_at set and <= R
// - communityEnded / communityCompleted: community programmes with ended_at in the period / of those COMPLETED
// - absconded: community programme ABSCONDED with ended_at <= R, and the person has no programme (any
//   kind) ordered after that end and on or before R (NOT EXISTS): not closed otherwise at R
// - openCommunityPersons: persons whose rn = 1 open community programme is this row
export async function programmeIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const community = `rp.kind IN ${COMMUNITY_KINDS_SQL}`;
  const ordered = `(rp.ordered_at BETWEEN :from AND :to OR (rp.ordered_at <= :ref AND (rp.ended_at IS NULL OR rp.ended_at > :ref)))`;
  const [text, params] = bindNamed(
    `SELECT f.district_code AS code,
       SUM(f.is_admitted) AS compulsoryIsolationAdmissions,
       SUM(f.is_ordered) AS communityOrders,
       SUM(f.is_executed) AS communityOrdersExecuted,
       SUM(f.is_ended) AS communityEnded,
       SUM(f.is_completed) AS communityCompleted,
       SUM(f.is_absconded) AS absconded,
       SUM(f.is_open_person) AS openCommunityPersons
     FROM (
       SELECT rp.district_code,
         CASE WHEN rp.kind = '${ProgrammeKind.COMPULSORY_ISOLATION}' AND rp.reported_at BETWEEN :from AND :to
              THEN 1 ELSE 0 END AS is_admitted,
         CASE WHEN ${community} AND ${ordered} THEN 1 ELSE 0 END AS is_ordered,
         CASE WHEN ${community} AND ${ordered} AND rp.reported_at IS NOT NULL AND rp.reported_at <= :ref
              THEN 1 ELSE 0 END AS is_executed,
         CASE WHEN ${community} AND rp.ended_at BETWEEN :from AND :to THEN 1 ELSE 0 END AS is_ended,
         CASE WHEN ${community} AND rp.ended_at BETWEEN :from AND :to AND rp.outcome = '${ProgrammeOutcome.COMPLETED}'
              THEN 1 ELSE 0 END AS is_completed,
         CASE WHEN ${community} AND rp.outcome = '${ProgrammeOutcome.ABSCONDED}' AND rp.ended_at <= :ref
                AND NOT EXISTS (
                  SELECT 1 FROM rehab_programme later
                  WHERE later.person_id = rp.person_id AND later.ordered_at > rp.ended_at AND later.ordered_at <= :ref
                )
              THEN 1 ELSE 0 END AS is_absconded,
         CASE WHEN o.id IS NULL THEN 0 ELSE 1 END AS is_open_person
       FROM rehab_programme rp
       LEFT JOIN ${OPEN_COMMUNITY_PROGRAMMES_SQL} o ON o.id = rp.id AND o.rn = 1
       WHERE rp.kind IN ('${ProgrammeKind.COMPULSORY_ISOLATION}', '${ProgrammeKind.COMMUNITY_DETOX}', '${ProgrammeKind.COMMUNITY_REHAB}')
     ) f
     GROUP BY f.district_code`,
    { from: period.from, to: period.to, ref: period.to },
  );
  return rowsToSums(await readQuery(ds, text, params), [
    'compulsoryIsolationAdmissions',
    'communityOrders',
    'communityOrdersExecuted',
    'communityEnded',
    'communityCompleted',
    'absconded',
    'openCommunityPersons',
  ]);
}

// caseworkers 禁毒专干: caseworkers in post, by their district. The records carry no dates, so this
// is the current count whatever the period.
export async function caseworkerIndicators(ds: DataSource): Promise<SumsByCode> {
  const rows = await readQuery(ds,
    `SELECT cw.district_code AS code, COUNT(*) AS caseworkers
     FROM caseworker cw
     WHERE cw.is_active = 1
     GROUP BY cw.district_code`,
  );
  return rowsToSums(rows, ['caseworkers']);
}

export async function justiceIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  return mergeSums(await Promise.all([programmeIndicators(ds, period), caseworkerIndicators(ds)]));
}

// The part of communityOrders / communityOrdersExecuted that the indicator ledger cannot hold
// (summary/summary.read.ts has the open-at-R part and every other programme figure): community
// programmes ordered in the period and NOT open at R (ordered_at <= R already, so: ended_at <= R);
// with the ledger's open ones this is exactly "ordered in the period OR open at R". It reads only the
// period's range of the covering (district_code, ordered_at, kind, ended_at, reported_at) index.
export async function programmePeriodIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  const [text, params] = bindNamed(
    `SELECT rp.district_code AS code,
       COUNT(*) AS communityOrders,
       SUM(CASE WHEN rp.reported_at <= :ref THEN 1 ELSE 0 END) AS communityOrdersExecuted
     FROM rehab_programme rp
     WHERE rp.ordered_at BETWEEN :from AND :to AND rp.kind IN ${COMMUNITY_KINDS_SQL} AND rp.ended_at <= :ref${districtFilter('rp.district_code', codes)}
     GROUP BY rp.district_code`,
    { from: period.from, to: period.to, ref: period.to },
  );
  return rowsToSums(await readQuery(ds, text, params), ['communityOrders', 'communityOrdersExecuted']);
}

export async function justicePeriodIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  return mergeSums(await Promise.all([programmePeriodIndicators(ds, period, codes), caseworkerIndicators(ds)]));
}

// Justice's derived tables for the figures that join departments (src/core/shared-relations.ts).
export const justiceSharedRelations: SharedRelations = {
  positiveTests: `(SELECT person_id, checked_at AS day FROM follow_up_check WHERE result = '${CheckResult.POSITIVE}')`,
  openCommunityProgrammes: OPEN_COMMUNITY_PROGRAMMES_SQL,
  programmeSpells: '(SELECT person_id, ordered_at, ended_at FROM rehab_programme)',
};
