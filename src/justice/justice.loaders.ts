import { requestScoped } from '../core/context';
import { DataSource } from 'typeorm';
import { byIdLoader, findByKeys, groupedLoader } from '../common/loaders';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's loaders, a fresh set per request.
export function createJusticeLoaders(ds: DataSource) {
  return {
    programmesByPerson: groupedLoader<number, RehabProgramme>(
      (ids) => findByKeys(ds, RehabProgramme, 'personId', ids, [['orderedAt', 'DESC'], ['id', 'DESC']]),
      (r) => r.personId,
    ),
    checksByProgramme: groupedLoader<number, FollowUpCheck>(
      (ids) => findByKeys(ds, FollowUpCheck, 'programmeId', ids, [['checkedAt', 'DESC'], ['id', 'DESC']]),
      (r) => r.programmeId,
    ),
    caseworkerById: byIdLoader<number, Caseworker>((ids) => findByKeys(ds, Caseworker, 'id', ids), (r) => r.id),
    centreById: byIdLoader<number, RehabCentre>((ids) => findByKeys(ds, RehabCentre, 'id', ids), (r) => r.id),
  };
}


export const justiceLoaders = requestScoped(function justiceLoaders(ctx) {
  return createJusticeLoaders(ctx.ds);
});
