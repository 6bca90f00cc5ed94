import { requestScoped } from '../core/context';
import { DataSource } from 'typeorm';
import { byIdLoader, findByKeys, groupedLoader } from '../common/loaders';
import { listByPerson, personLists, PersonListLoader } from '../core/person-lists';
import { programmesOfPerson } from './justice.person-lists';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's loaders, a fresh set per request. A person's programmes are read with every list of the
// tick in one statement (src/core/person-lists.ts), each with its caseworker, centre and checks; the
// loaders by programme and by id serve the programmes reached otherwise.
export function createJusticeLoaders(ds: DataSource, lists: PersonListLoader) {
  return {
    programmesByPerson: listByPerson(lists, programmesOfPerson),
    checksByProgramme: groupedLoader<number, FollowUpCheck>(
      (ids) => findByKeys(ds, FollowUpCheck, 'programmeId', ids, [['checkedAt', 'DESC'], ['id', 'DESC']]),
      (r) => r.programmeId,
    ),
    caseworkerById: byIdLoader<number, Caseworker>((ids) => findByKeys(ds, Caseworker, 'id', ids), (r) => r.id),
    centreById: byIdLoader<number, RehabCentre>((ids) => findByKeys(ds, RehabCentre, 'id', ids), (r) => r.id),
  };
}


export const justiceLoaders = requestScoped(function justiceLoaders(ctx) {
  return createJusticeLoaders(ctx.ds, personLists(ctx));
});

// The follow-up checks of the programmes, newest first per programme: read with them when they came as
// a person's programmes, by the loader otherwise.
export async function checksOf(programmes: readonly RehabProgramme[], loaders: ReturnType<typeof justiceLoaders>): Promise<FollowUpCheck[]> {
  if (programmes.every((p) => p.loadedChecks)) return programmes.flatMap((p) => p.loadedChecks!);
  return (await Promise.all(programmes.map((p) => (p.loadedChecks ? Promise.resolve(p.loadedChecks) : loaders.checksByProgramme.load(p.id))))).flat();
}
