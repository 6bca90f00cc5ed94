import { requestScoped } from '../core/context';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byIdLoader, findByKeys, findByKeysJoined, groupedLoader } from '../common/loaders';
import { Person } from '../core/person.entity';
import { personLoaders } from '../core/person.loaders';
import { CaseSuspect } from './case-suspect.entity';
import { DrugCase } from './drug-case.entity';
import { HeroinEquivalentFactor } from './heroin-equivalent-factor.entity';
import { Seizure } from './seizure.entity';
import { WastewaterSample } from './wastewater-sample.entity';
import { onReplica } from '../common/read-replica';
import { listByPerson, personLists, PersonListLoader } from '../core/person-lists';
import { detectionsOfPerson, involvementsOfPerson, riskAssessmentsOfPerson } from './public-security.person-lists';

// Public security's loaders, a fresh set per request. Lists come newest first. A person's lists are
// read with every list of the tick in one statement (src/core/person-lists.ts), a case with its
// seizures and suspects within them; the loaders by case serve the cases reached otherwise (a
// district's cases), and a case's suspects come with their persons: `personById` (the request's
// person loader) is primed with them.
export function createPublicSecurityLoaders(ds: DataSource, personById: DataLoader<number, Person | null>, lists: PersonListLoader) {
  const caseById = byIdLoader<number, DrugCase>((ids) => findByKeys(ds, DrugCase, 'id', ids), (r) => r.id);
  return {
    detectionsByPerson: listByPerson(lists, detectionsOfPerson),
    riskAssessmentsByPerson: listByPerson(lists, riskAssessmentsOfPerson),
    involvementsByPerson: listByPerson(lists, involvementsOfPerson),
    suspectsByCase: groupedLoader<number, CaseSuspect>(async (ids) => {
      const rows = await findByKeysJoined(ds, CaseSuspect, 'caseId', ids, [['id', 'ASC']], [{ target: Person, via: 'personId' }]);
      for (const [suspect, person] of rows) personById.prime(suspect.personId, person as Person | null);
      return rows.map(([suspect]) => suspect);
    }, (r) => r.caseId),
    caseById,
    seizuresByCase: groupedLoader<number, Seizure>(
      (ids) => findByKeys(ds, Seizure, 'caseId', ids, [['seizedAt', 'ASC'], ['id', 'ASC']]),
      (r) => r.caseId,
    ),
    // the latest sample of each site and substance, keyed by the sample's own district
    latestWastewaterByDistrict: groupedLoader<string, WastewaterSample>((codes) => onReplica(ds, (em) => {
      const latest = em
        .getRepository(WastewaterSample)
        .createQueryBuilder('w')
        .select('w.id', 'id')
        .addSelect('ROW_NUMBER() OVER (PARTITION BY w.site, w.substance ORDER BY w.sampled_at DESC, w.id DESC)', 'rn')
        .where('w.district_code IN (:...codes)', { codes });
      return em
        .getRepository(WastewaterSample)
        .createQueryBuilder('s')
        .innerJoin(`(${latest.getQuery()})`, 'l', 'l.id = s.id AND l.rn = 1')
        .setParameters(latest.getParameters())
        .orderBy('s.site', 'ASC')
        .addOrderBy('s.substance', 'ASC')
        .getMany();
    }), (r) => r.districtCode),
    // substance -> factor, per factor table
    heroinFactors: new DataLoader<string, Map<string, number>>(async (tables) => {
      const rows = await onReplica(ds, (em) => em.getRepository(HeroinEquivalentFactor).findBy({ tableName: In(tables) }));
      return tables.map((t) => new Map(rows.filter((r) => r.tableName === t).map((r) => [r.substance, r.factor])));
    }),
  };
}


export const publicSecurityLoaders = requestScoped(function publicSecurityLoaders(ctx) {
  return createPublicSecurityLoaders(ctx.ds, personLoaders(ctx).personById, personLists(ctx));
});
