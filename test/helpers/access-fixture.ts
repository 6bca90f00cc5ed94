import { DataSource } from 'typeorm';
import { Caseworker } from '../../src/justice/caseworker.entity';
import { RehabCentre } from '../../src/justice/rehab-centre.entity';
import { Person } from '../../src/core/person.entity';
import { CaseSuspect } from '../../src/public-security/case-suspect.entity';
import { DrugCase } from '../../src/public-security/drug-case.entity';
import { Seizure } from '../../src/public-security/seizure.entity';
import { WastewaterSample } from '../../src/public-security/wastewater-sample.entity';
import { Fixtures } from './fixtures';

// One person with a record of every kind in each of two counties, and a co-suspect, so that every
// field of the schema has something to return.
export async function seedAccessFixture(ds: DataSource, insideCounty: string, outsideCounty: string) {
  const f = new Fixtures(ds);
  const make = async (county: string, tag: string): Promise<Person> => {
    const p = await f.person({ county, name: `${tag}某某`, birthDate: '1988-03-03' });
    const mate = await f.person({ county, name: `${tag}同案`, birthDate: '1990-04-04' });
    await f.detection(p, '2022-03-01');
    await f.risk(p, '2022-04-01', 'YELLOW');
    const caseworker = await ds.getRepository(Caseworker).save({ sourceKey: `CW-${tag}`, districtCode: county, name: `专干${tag}`, isActive: true });
    const centre = await ds.getRepository(RehabCentre).save({ sourceKey: `RC-${tag}`, districtCode: county, name: `中心${tag}`, openedAt: '2019-01-01' });
    const programme = await f.programme(p, 'COMMUNITY_DETOX', '2022-03-10', { caseworkerId: caseworker.id, centreId: centre.id });
    await f.check(programme, '2022-05-01', 'NEGATIVE');
    await f.assistance(p, 'JOB_PLACEMENT', '2022-06-01', { provider: '某公司', subsidyAmountCny: 1200, outcome: 'EMPLOYED' as never });
    const drugCase = await ds.getRepository(DrugCase).save({
      sourceKey: `CASE-${tag}`, districtCode: county, caseNumber: `A${county}2022001`, caseType: 'TRAFFICKING' as never,
      filedAt: '2022-02-01', solvedAt: '2022-02-20', isTargetCase: false, manufacturingSitesDestroyed: 0,
    });
    for (const [i, person] of [p, mate].entries()) {
      await ds.getRepository(CaseSuspect).save({
        sourceKey: `SUS-${tag}-${i}`, districtCode: county, caseId: drugCase.id, personId: person.id, role: 'PRINCIPAL' as never,
        arrestedAt: '2022-02-20', arrestProvinceCode: '640000', isFugitive: false,
      });
    }
    await ds.getRepository(Seizure).save({
      sourceKey: `SEI-${tag}`, districtCode: county, caseId: drugCase.id, kind: 'DRUG' as never, substance: 'HEROIN', seizedAt: '2022-02-20', quantityGrams: 12.5, quantityKg: null,
    });
    await ds.getRepository(WastewaterSample).save({
      sourceKey: `WW-${tag}`, districtCode: county, site: `污水厂${tag}`, sampledAt: '2022-06-01', substance: 'METHAMPHETAMINE' as never,
      concentrationNgPerL: 12.3, flowM3PerDay: 50000, populationServed: 200000,
    });
    return p;
  };
  return { inside: await make(insideCounty, '甲'), outside: await make(outsideCounty, '乙') };
}
