import { DataSource, EntityManager } from 'typeorm';
import { onReplica } from '../common/read-replica';
import { checkPageSize, decodeCursor, toConnection } from '../common/pagination/connection';
import { Period } from '../common/period';
import { DrugCase } from './drug-case.entity';

// Cases filed in any of the districts, optionally within a period; newest ids first is not needed
// by any report, so pages run by id like every connection of the API.
export async function findDrugCases(ds: DataSource, codes: string[], period: Period | undefined, firstArg?: number | null, after?: string | null) {
  const first = checkPageSize(firstArg);
  const afterId = decodeCursor(after);
  const base = (em: EntityManager) => {
    const qb = em.getRepository(DrugCase).createQueryBuilder('c').where(codes.length ? 'c.district_code IN (:...codes)' : '1 = 0', { codes });
    if (period) qb.andWhere('c.filed_at BETWEEN :from AND :to', period);
    return qb;
  };
  const page = (em: EntityManager) => {
    const qb = base(em).orderBy('c.id', 'ASC').take(first + 1);
    return afterId === undefined ? qb : qb.andWhere('c.id > :afterId', { afterId });
  };
  // page and count side by side, each on a connection of its own
  const [rows, total] = await Promise.all([
    first === 0 ? Promise.resolve([]) : onReplica(ds, (em) => page(em).getMany()),
    onReplica(ds, (em) => base(em).getCount()),
  ]);
  return toConnection(rows, first, total, afterId !== undefined);
}
