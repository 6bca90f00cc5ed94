import { DataSource, In } from 'typeorm';
import { byIdLoader, groupedLoader } from '../common/loaders';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's loaders, a fresh set per request.
export function createJusticeLoaders(ds: DataSource) {
  return {
    programmesByPerson: groupedLoader<number, RehabProgramme>(
      (ids) => ds.getRepository(RehabProgramme).find({ where: { personId: In(ids) }, order: { orderedAt: 'DESC', id: 'DESC' } }),
      (r) => r.personId,
    ),
    checksByProgramme: groupedLoader<number, FollowUpCheck>(
      (ids) => ds.getRepository(FollowUpCheck).find({ where: { programmeId: In(ids) }, order: { checkedAt: 'DESC', id: 'DESC' } }),
      (r) => r.programmeId,
    ),
    caseworkerById: byIdLoader<number, Caseworker>((ids) => ds.getRepository(Caseworker).findBy({ id: In(ids) }), (r) => r.id),
    centreById: byIdLoader<number, RehabCentre>((ids) => ds.getRepository(RehabCentre).findBy({ id: In(ids) }), (r) => r.id),
  };
}

export type JusticeLoaders = ReturnType<typeof createJusticeLoaders>;
