import { requestScoped } from '../core/context';
import { DataSource } from 'typeorm';
import { byIdLoader, findByKeys, findByKeysJoined, groupedLoader } from '../common/loaders';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's loaders, a fresh set per request. A programme's caseworker and centre come with it in the
// same statement: their loaders are primed with them.
export function createJusticeLoaders(ds: DataSource) {
  const caseworkerById = byIdLoader<number, Caseworker>((ids) => findByKeys(ds, Caseworker, 'id', ids), (r) => r.id);
  const centreById = byIdLoader<number, RehabCentre>((ids) => findByKeys(ds, RehabCentre, 'id', ids), (r) => r.id);
  return {
    programmesByPerson: groupedLoader<number, RehabProgramme>(async (ids) => {
      const rows = await findByKeysJoined(ds, RehabProgramme, 'personId', ids, [['orderedAt', 'DESC'], ['id', 'DESC']], [
        { target: Caseworker, via: 'caseworkerId' },
        { target: RehabCentre, via: 'centreId' },
      ]);
      for (const [programme, caseworker, centre] of rows) {
        if (programme.caseworkerId !== null) caseworkerById.prime(programme.caseworkerId, caseworker as Caseworker | null);
        if (programme.centreId !== null) centreById.prime(programme.centreId, centre as RehabCentre | null);
      }
      return rows.map(([programme]) => programme);
    }, (r) => r.personId),
    checksByProgramme: groupedLoader<number, FollowUpCheck>(
      (ids) => findByKeys(ds, FollowUpCheck, 'programmeId', ids, [['checkedAt', 'DESC'], ['id', 'DESC']]),
      (r) => r.programmeId,
    ),
    caseworkerById,
    centreById,
  };
}


export const justiceLoaders = requestScoped(function justiceLoaders(ctx) {
  return createJusticeLoaders(ctx.ds);
});
