import { jsonList } from '../common/json-lists';
import { PersonList } from '../core/person-lists';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's list of a person (src/core/person-lists.ts): the programmes, newest first, each with its
// caseworker, its centre and its follow-up checks (newest first), in one column.
export const programmesOfPerson: PersonList<RehabProgramme> = jsonList('rehabilitation programmes', {
  target: RehabProgramme,
  alias: 'rp',
  where: 'rp.person_id = p.id',
  order: [['orderedAt', 'DESC'], ['id', 'DESC']],
  nested: {
    caseworker: { target: Caseworker, alias: 'cw', where: 'cw.id = rp.caseworker_id', one: true },
    centre: { target: RehabCentre, alias: 'rc', where: 'rc.id = rp.centre_id', one: true },
    checks: { target: FollowUpCheck, alias: 'fc', where: 'fc.programme_id = rp.id', order: [['checkedAt', 'DESC'], ['id', 'DESC']] },
  },
  attach(programme, read: { caseworker: Caseworker | null; centre: RehabCentre | null; checks: FollowUpCheck[] }) {
    programme.caseworkerRef = read.caseworker ?? undefined;
    programme.centreRef = read.centre ?? undefined;
    programme.loadedChecks = read.checks;
  },
});
