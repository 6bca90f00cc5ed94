import { DataSource } from 'typeorm';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { gql, startService } from './helpers/graphql';

const PERSONS = `query($filter: PersonFilter) { persons(filter: $filter, first: 50) { totalCount nodes { name } } }`;

// A hand-made population; each filter's expected names are worked out by hand (asOf 2023-06-30).
describe.each(testDatabases())('persons filters on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  const names = async (filter: Record<string, unknown>) => {
    const res = await gql(service, ds, PERSONS, { filter: { asOf: '2023-06-30', ...filter } });
    expect(res.errors).toBeUndefined();
    expect(res.data.persons.totalCount).toBe(res.data.persons.nodes.length);
    return res.data.persons.nodes.map((n: { name: string }) => n.name).sort();
  };

  beforeAll(async () => {
    ds = await freshDatabase(target);
    const f = new Fixtures(ds);
    // A: Xingqing (Yinchuan), detected 2019, abstinent since: last evidence 2019-03-01 < 2020-06-30
    const a = await f.person({ name: 'A', county: '640104', birthDate: '1980-01-01' });
    await f.detection(a, '2019-03-01');
    await f.risk(a, '2020-01-01', 'RED');
    await f.risk(a, '2022-01-01', 'GREEN');
    // B: Yuanzhou (Guyuan), detected 2021, in an open community programme, latest risk ORANGE
    const b = await f.person({ name: 'B', county: '640402', birthDate: '1995-07-15' });
    await f.detection(b, '2021-05-05');
    await f.programme(b, 'COMMUNITY_DETOX', '2021-06-01');
    await f.risk(b, '2023-01-01', 'ORANGE');
    // C: Xingqing, detected 2018 but a positive test in 2021: a current user; programme ended 2022
    const c = await f.person({ name: 'C', county: '640104', birthDate: '2000-02-29' });
    await f.detection(c, '2018-01-01');
    const pc = await f.programme(c, 'COMMUNITY_REHAB', '2018-02-01', { endedAt: '2022-02-01', outcome: 'COMPLETED' as never });
    await f.check(pc, '2021-01-10', 'POSITIVE');
    // D: detected 2015 but dead in 2020: not registered
    const d = await f.person({ name: 'D', county: '640105', deceasedAt: '2020-01-01' });
    await f.detection(d, '2015-01-01');
    // E: never detected (a suspect only), lives in Xixia
    await f.person({ name: 'E', county: '640105', birthDate: '1970-12-31' });
    service = await startService(ds);
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  it('district includes its descendants', async () => {
    expect(await names({ districtCode: '640100' })).toEqual(['A', 'C', 'D', 'E']);
    expect(await names({ districtCode: '640104' })).toEqual(['A', 'C']);
    expect(await names({ districtCode: '640000' })).toEqual(['A', 'B', 'C', 'D', 'E']);
    // a code that is no district is refused, not an empty page (test/district-inputs.test.ts)
    const unknown = await gql(service, ds, 'query($f: PersonFilter) { persons(first: 50, filter: $f) { totalCount } }', { f: { districtCode: '999999' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DISTRICT' });
  });

  it('user status at the reference date', async () => {
    expect(await names({ userStatus: 'REGISTERED_USER' })).toEqual(['A', 'B', 'C']);
    expect(await names({ userStatus: 'ABSTINENT_THREE_YEARS' })).toEqual(['A']);
    expect(await names({ userStatus: 'CURRENT_USER' })).toEqual(['B', 'C']);
    // at an earlier date A was still a current user
    expect(await names({ userStatus: 'ABSTINENT_THREE_YEARS', asOf: '2021-12-31' })).toEqual([]);
  });

  it('latest risk colour and open programme', async () => {
    expect(await names({ latestRiskColour: 'GREEN' })).toEqual(['A']);
    expect(await names({ latestRiskColour: 'RED', asOf: '2021-06-30' })).toEqual(['A']);
    expect(await names({ latestRiskColour: 'ORANGE' })).toEqual(['B']);
    expect(await names({ inOpenProgramme: true })).toEqual(['B']);
    expect(await names({ inOpenProgramme: true, asOf: '2021-12-31' })).toEqual(['B', 'C']);
    expect(await names({ inOpenProgramme: false, districtCode: '640104' })).toEqual(['A', 'C']);
  });

  it('born between, inclusive', async () => {
    expect(await names({ bornFrom: '1980-01-01', bornTo: '1995-07-15' })).toEqual(['A', 'B', 'D']);
    expect(await names({ bornFrom: '2000-02-29' })).toEqual(['C']);
  });

  it('the status summary agrees with the filters', async () => {
    const res = await gql(service, ds, `{ persons(first: 10) { nodes { name status(asOf: "2023-06-30") { registeredUser abstinentThreeYears inOpenProgramme lastEvidenceOfUseAt } } } }`);
    const byName = Object.fromEntries(res.data.persons.nodes.map((n: any) => [n.name, n.status]));
    expect(byName.A).toEqual({ registeredUser: true, abstinentThreeYears: true, inOpenProgramme: false, lastEvidenceOfUseAt: '2019-03-01' });
    expect(byName.C).toEqual({ registeredUser: true, abstinentThreeYears: false, inOpenProgramme: false, lastEvidenceOfUseAt: '2021-01-10' });
    expect(byName.D.registeredUser).toBe(false);
  });
});
