import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { onReplica } from '../common/read-replica';
import { hydrateSelected, loadedColumns } from '../common/loaders';
import { checkPageSize, decodeCursor, toConnection } from '../common/pagination/connection';
import { minusYears } from '../common/period';
import { DistrictTree } from '../core/district-tree';
import { Person } from '../core/person.entity';
import { today, UserStatus } from './user-status';
import { PersonFilter } from './person.filter';
import { assertMayRead } from '../core/access-guard';
import { Context } from '../core/context';
import { sharedRelation } from '../core/shared-relations';

// A filter must not reveal what the role may not read (no leak through filters or counts).
export function assertPersonFilterAllowed(ctx: Context, filter: PersonFilter | null | undefined): void {
  if (!filter) return;
  if (filter.latestRiskColour) assertMayRead(ctx, 'Person', 'latestRisk');
  if (filter.userStatus) assertMayRead(ctx, 'PersonStatus', 'registeredUser');
  if (filter.inOpenProgramme !== null && filter.inOpenProgramme !== undefined) assertMayRead(ctx, 'PersonStatus', 'inOpenProgramme');
}

// The persons connection: one page query and one count, whatever the filter. Conditions on the
// departments' records are EXISTS sub-queries with the same definitions as the indicators, over the
// derived tables the departments register (src/core/shared-relations.ts).
function applyFilter(qb: SelectQueryBuilder<Person>, tree: DistrictTree, filter: PersonFilter, scope: string[] | null): SelectQueryBuilder<Person> {
  const asOf = filter.asOf ?? today();
  const cutoff = minusYears(asOf, 3);
  // jurisdiction first: counts and pages never include persons the viewer may not reach
  if (scope) qb.andWhere(scope.length ? 'p.residence_district_code IN (:...scope)' : '1 = 0', { scope });
  if (filter.districtCode) {
    const codes = tree.descendantCodes(filter.districtCode);
    qb.andWhere(codes.length ? 'p.residence_district_code IN (:...codes)' : '1 = 0', { codes });
  }
  if (filter.bornFrom) qb.andWhere('p.birth_date >= :bornFrom', { bornFrom: filter.bornFrom });
  if (filter.bornTo) qb.andWhere('p.birth_date <= :bornTo', { bornTo: filter.bornTo });
  qb.setParameters({ asOf, cutoff });

  const alive = '(p.deceased_at IS NULL OR p.deceased_at > :asOf)';
  const detected = `EXISTS (SELECT 1 FROM ${sharedRelation('detections')} d WHERE d.person_id = p.id AND d.day <= :asOf)`;
  const recentUse =
    `(EXISTS (SELECT 1 FROM ${sharedRelation('detections')} d2 WHERE d2.person_id = p.id AND d2.day >= :cutoff AND d2.day <= :asOf)` +
    ` OR EXISTS (SELECT 1 FROM ${sharedRelation('positiveTests')} c WHERE c.person_id = p.id AND c.day >= :cutoff AND c.day <= :asOf))`;
  if (filter.userStatus) {
    qb.andWhere(alive).andWhere(detected);
    if (filter.userStatus === UserStatus.CURRENT_USER) qb.andWhere(recentUse);
    if (filter.userStatus === UserStatus.ABSTINENT_THREE_YEARS) qb.andWhere(`NOT ${recentUse}`);
  }
  if (filter.inOpenProgramme !== null && filter.inOpenProgramme !== undefined) {
    const open =
      `EXISTS (SELECT 1 FROM ${sharedRelation('programmeSpells')} rp WHERE rp.person_id = p.id AND rp.ordered_at <= :asOf AND (rp.ended_at IS NULL OR rp.ended_at > :asOf))`;
    qb.andWhere(filter.inOpenProgramme ? open : `NOT ${open}`);
  }
  if (filter.latestRiskColour) {
    qb.andWhere(
      new Brackets((w) =>
        w.where(
          `EXISTS (SELECT 1 FROM ${sharedRelation('riskAssessments')} r WHERE r.person_id = p.id AND r.colour = :colour AND r.assessed_at <= :asOf` +
            ` AND NOT EXISTS (SELECT 1 FROM ${sharedRelation('riskAssessments')} r2 WHERE r2.person_id = p.id AND r2.assessed_at <= :asOf` +
            ' AND (r2.assessed_at > r.assessed_at OR (r2.assessed_at = r.assessed_at AND r2.id > r.id))))',
          { colour: filter.latestRiskColour },
        ),
      ),
    );
  }
  return qb;
}

export async function findPersons(
  ds: DataSource,
  tree: DistrictTree,
  scope: string[] | null,
  filter: PersonFilter = {},
  firstArg?: number | null,
  after?: string | null,
) {
  const first = checkPageSize(firstArg);
  const afterId = decodeCursor(after);
  const base = (em: EntityManager) => applyFilter(em.getRepository(Person).createQueryBuilder('p'), tree, filter, scope);
  const count = () => onReplica(ds, (em) => base(em).getCount());
  if (first === 0) return toConnection([], first, await count(), afterId !== undefined);
  // The page and the count of every matching person in one statement: the count is an uncorrelated
  // subquery (evaluated once) beside the page's columns. Only a page that comes back empty after a
  // cursor needs the count on its own.
  const rows = await onReplica(ds, (em) => {
    const qb = base(em)
      .select(loadedColumns(ds.getMetadata(Person)).map((c) => `p.${c.propertyName}`))
      .addSelect(`(${base(em).select('COUNT(*)').getQuery()})`, 'total_count')
      .orderBy('p.id', 'ASC')
      .limit(first + 1);
    if (afterId !== undefined) qb.andWhere('p.id > :afterId', { afterId });
    const [sql, parameters] = qb.getQueryAndParameters();
    return em.query(sql, parameters) as Promise<Array<Record<string, unknown>>>;
  });
  const totalCount = rows.length ? Number(rows[0].total_count) : afterId === undefined ? 0 : await count();
  return toConnection(hydrateSelected(ds, Person, 'p', rows), first, totalCount, afterId !== undefined);
}
