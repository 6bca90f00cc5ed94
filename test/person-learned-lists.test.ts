import { DataSource } from 'typeorm';
import { seedDatabase } from '../src/seed/bulk-insert';
import { Service } from '../src/server';
import { Role, Viewer } from '../src/policy/viewer';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, PROVINCE_ADMIN, startService } from './helpers/graphql';
import { PERSON_PROFILE } from './helpers/queries';

// person(id) reads the person's row with the lists the same place of the same operation asked for
// last time, for the same role and purpose, in one statement (src/core/person-lists.ts,
// personWithLearnedLists). The answer never depends on what was learned.
const LISTS_READ = /JSON_ARRAYAGG|json_group_array/i;

describe.each(testDatabases())('person(id) with learned lists on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  let county: string;
  let inCounty: string;
  let elsewhere: string;
  // a document of its own per test (a comment changes its text, so Apollo parses it anew): nothing learned yet
  const fresh = (tag: string) => `${PERSON_PROFILE} # ${tag}`;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 300, seed: 5 });
    service = await startService(ds);
    const [a] = await ds.query('SELECT residence_district_code AS code FROM person WHERE id IN (SELECT person_id FROM drug_use_detection) ORDER BY id LIMIT 1');
    county = a.code;
    const persons = await ds.query('SELECT id, residence_district_code AS code FROM person WHERE id IN (SELECT person_id FROM drug_use_detection) ORDER BY id');
    inCounty = String(persons.filter((p: any) => p.code === county)[1].id);
    elsewhere = String(persons.find((p: any) => p.code !== county).id);
    await gql(service, ds, fresh('chain head'), { id: inCounty }); // the first audit append reads the chain head
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  it('the second time, the person and its lists are one statement, and the answer is the same', async () => {
    const doc = fresh('second time');
    const first = await gql(service, ds, doc, { id: elsewhere });
    const again = await gql(service, ds, doc, { id: inCounty });
    const unhinted = await gql(service, ds, fresh('unhinted'), { id: inCounty });
    expect(first.errors).toBeUndefined();
    expect(first.statements).toBe(3); // person, its lists, the audit event
    expect(again.statements).toBe(2); // person with its lists, the audit event
    expect(again.log.filter((sql) => LISTS_READ.test(sql))).toHaveLength(1);
    expect(unhinted.statements).toBe(3);
    expect(again.errors).toBeUndefined();
    expect(again.data.person.timeline.length).toBeGreaterThan(0);
    expect(again.data).toEqual(unhinted.data);
  });

  it('a person outside the jurisdiction answers null and none of their lists is read', async () => {
    const doc = fresh('jurisdiction');
    const countyAdmin: Viewer = { ...PROVINCE_ADMIN, sub: 'county-admin', district: county };
    const learned = await gql(service, ds, doc, { id: inCounty }, countyAdmin);
    expect(learned.data.person).not.toBeNull();
    const out = await gql(service, ds, doc, { id: elsewhere }, countyAdmin);
    expect(out.errors).toBeUndefined();
    expect(out.data.person).toBeNull();
    // the one read carries the jurisdiction in its WHERE: the row, and so its lists, are not read
    const reads = out.log.filter((sql) => /^(SET STATEMENT .* FOR )?SELECT/i.test(sql));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(LISTS_READ);
    expect(reads[0]).toMatch(/residence_district_code\W* IN \(/);
    const back = await gql(service, ds, doc, { id: inCounty }, countyAdmin);
    expect(back.data).toEqual(learned.data);
    expect(back.statements).toBe(2);
  });

  it('what one role taught is not read for another: each role and purpose learns for itself', async () => {
    const doc = fresh('roles');
    const admin = await gql(service, ds, doc, { id: inCounty });
    expect(admin.data.person.drugCases.length + admin.data.person.drugUseDetections.length).toBeGreaterThan(0);
    await gql(service, ds, doc, { id: inCounty }); // the admin's lists are learned
    const employment: Viewer = { ...PROVINCE_ADMIN, sub: 'employment', role: Role.EMPLOYMENT };
    const first = await gql(service, ds, doc, { id: inCounty }, employment);
    // the person's row alone first: nothing the admin's lists taught is read for this role
    const personRead = first.log.find((sql) => /FROM\W+person\W/i.test(sql) && !LISTS_READ.test(sql));
    expect(personRead).toBeDefined();
    const again = await gql(service, ds, doc, { id: inCounty }, employment);
    expect(again.data).toEqual(first.data);
    expect(again.errors?.map((e) => e.path?.join('.'))).toEqual(first.errors?.map((e) => e.path?.join('.')));
    expect(again.statements).toBeLessThan(first.statements);
    const otherPurpose = await gql(service, ds, doc, { id: inCounty }, { ...employment, purpose: 'another purpose' });
    expect(otherPurpose.log.some((sql) => /FROM\W+person\W/i.test(sql) && !LISTS_READ.test(sql))).toBe(true);
  });
});
