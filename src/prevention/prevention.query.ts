import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { checkPageSize, decodeCursor, toConnection } from '../common/pagination/connection';
import { onReplica } from '../common/read-replica';
import { Period } from '../common/period';
import { PublicityEvent } from './publicity-event.entity';
import { SchoolSession } from './school-session.entity';

// A page of events or sessions held in any of the districts within a period, by id like every
// connection of the API; page and count side by side.
async function pageHeldIn<T extends ObjectLiteral & { id: number }>(ds: DataSource, entity: new () => T, codes: string[], period: Period, firstArg?: number | null, after?: string | null) {
  const first = checkPageSize(firstArg);
  const afterId = decodeCursor(after);
  const base = (em: EntityManager) =>
    em
      .getRepository(entity)
      .createQueryBuilder('r')
      .where(codes.length ? 'r.district_code IN (:...codes)' : '1 = 0', { codes })
      .andWhere('r.held_at BETWEEN :from AND :to', period);
  const page = (em: EntityManager) => {
    const qb = base(em).orderBy('r.id', 'ASC').take(first + 1);
    return afterId === undefined ? qb : qb.andWhere('r.id > :afterId', { afterId });
  };
  const [rows, total] = await Promise.all([
    first === 0 ? Promise.resolve([] as T[]) : onReplica(ds, (em) => page(em).getMany()),
    onReplica(ds, (em) => base(em).getCount()),
  ]);
  return toConnection(rows, first, total);
}

export const findPublicityEvents = (ds: DataSource, codes: string[], period: Period, first?: number | null, after?: string | null) =>
  pageHeldIn(ds, PublicityEvent, codes, period, first, after);

export const findSchoolSessions = (ds: DataSource, codes: string[], period: Period, first?: number | null, after?: string | null) =>
  pageHeldIn(ds, SchoolSession, codes, period, first, after);
