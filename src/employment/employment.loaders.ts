import { requestScoped } from '../core/context';
import { listByPerson, personLists, PersonListLoader } from '../core/person-lists';
import { assistancesOfPerson } from './employment.person-lists';

// The employment bureau's loaders, a fresh set per request: a person's assistances are read with every
// list of the tick in one statement (src/core/person-lists.ts).
export function createEmploymentLoaders(lists: PersonListLoader) {
  return {
    assistancesByPerson: listByPerson(lists, assistancesOfPerson),
  };
}


export const employmentLoaders = requestScoped(function employmentLoaders(ctx) {
  return createEmploymentLoaders(personLists(ctx));
});
