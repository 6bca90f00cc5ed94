import { DataSource } from 'typeorm';
import { onReplica } from '../common/read-replica';
import { checkPageSize, decodeCursor, toConnection } from '../common/pagination/connection';
import { Period } from '../common/period';
import { DrugCase } from './drug-case.entity';

// Cases filed in any of the districts, optionally within a period; newest ids first is not needed
// by any report, so pages run by id like every connection of the API.
export async function findDrugCases(ds: DataSource, codes: string[], period: Period | undefined, firstArg?: number | null, after?: string | null) {
  const first = checkPageSize(firstArg);
  const afterId = decodeCursor(after);
  const [rows, total] = await onReplica(ds, (em) => {
    const base = () => {
      const qb = em.getRepository(DrugCase).createQueryBuilder('c').where(codes.length ? 'c.district_code IN (:...codes)' : '1 = 0', { codes });
      if (period) qb.andWhere('c.filed_at BETWEEN :from AND :to', period);
      return qb;
    };
    const page = base().orderBy('c.id', 'ASC').take(first + 1);
    if (afterId !== undefined) page.andWhere('c.id > :afterId', { afterId });
    return Promise.all([first === 0 ? Promise.resolve([]) : page.getMany(), base().getCount()]);
  });
  return toConnection(rows, first, total);
}
