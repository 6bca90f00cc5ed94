import { jsonList } from '../common/json-lists';
import { PersonList } from '../core/person-lists';
import { EmploymentAssistance } from './employment-assistance.entity';

// The employment bureau's list of a person (src/core/person-lists.ts): its assistances, newest first.
export const assistancesOfPerson: PersonList<EmploymentAssistance> = jsonList('employment assistances', {
  target: EmploymentAssistance,
  alias: 'ea',
  where: 'ea.person_id = p.id',
  order: [['startedAt', 'DESC'], ['id', 'DESC']],
});
