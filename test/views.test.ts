import { DataSource } from 'typeorm';
import { seedDatabase } from '../src/seed/bulk-insert';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, startService } from './helpers/graphql';
import { DISTRICT_INDICATORS, PERSON_PROFILE, PERSONS_PAGE } from './helpers/queries';

// Batching is a contract: statement counts must not grow with the number of rows.
// persons page: the page with its count (1), then every list of the page's persons in one statement
// (src/core/person-lists.ts): involvements with their cases, seizures and suspects, detections, risk
// assessments, programmes with caseworkers, centres and checks, assistances = 2;
// the audit event: one INSERT, the chain head moved and the persons linked inside it (src/audit/audit.service.ts)
const AUDIT_STATEMENTS = 1;
const PERSONS_PAGE_STATEMENTS = 2 + AUDIT_STATEMENTS;
// one profile: the person with its lists, learned at this place of the document by the warm-up
// below = 1 (the first time: the person, then its lists = 2; test/person-learned-lists.test.ts), + the audit event.
const PROFILE_STATEMENTS = 1 + AUDIT_STATEMENTS;

describe.each(testDatabases())('GraphQL views on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 600, seed: 11 });
    service = await startService(ds);
    // the first audit append of a process reads the chain head (one statement more); later ones know it
    await gql(service, ds, PERSON_PROFILE, { id: '1' });
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  it('persons(first: 100) with every relation costs the same statements as persons(first: 10)', async () => {
    const small = await gql(service, ds, PERSONS_PAGE, { first: 10 });
    const large = await gql(service, ds, PERSONS_PAGE, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.persons.edges).toHaveLength(100);
    // the larger page really reaches deeper records
    const cases = large.data.persons.edges.flatMap((e: any) => e.node.drugCases);
    const checks = large.data.persons.edges.flatMap((e: any) => e.node.rehabProgrammes.flatMap((p: any) => p.followUpChecks));
    expect(cases.length).toBeGreaterThan(0);
    expect(checks.length).toBeGreaterThan(0);
    expect(small.statements).toBe(PERSONS_PAGE_STATEMENTS);
    expect(large.statements).toBe(PERSONS_PAGE_STATEMENTS);
  });

  it('a full profile issues a constant number of statements whatever the number of records', async () => {
    // the busiest person with records of every kind, and a person with a single detection
    const rows = await ds.query(
      'SELECT c.person_id AS id, COUNT(*) AS n FROM follow_up_check c' +
        ' WHERE EXISTS (SELECT 1 FROM case_suspect s JOIN case_suspect s2 ON s2.case_id = s.case_id AND s2.person_id <> s.person_id WHERE s.person_id = c.person_id)' +
        ' AND EXISTS (SELECT 1 FROM employment_assistance e WHERE e.person_id = c.person_id)' +
        ' AND EXISTS (SELECT 1 FROM rehab_programme p WHERE p.person_id = c.person_id AND p.caseworker_id IS NOT NULL AND p.centre_id IS NOT NULL)' +
        ' GROUP BY c.person_id ORDER BY COUNT(*) DESC, c.person_id ASC',
    );
    const busiest = String(rows[0].id);
    const [single] = await ds.query('SELECT person_id AS id FROM drug_use_detection GROUP BY person_id HAVING COUNT(*) = 1 ORDER BY person_id LIMIT 1');
    const quietest = String(single.id);
    const a = await gql(service, ds, PERSON_PROFILE, { id: busiest });
    const b = await gql(service, ds, PERSON_PROFILE, { id: quietest });
    expect(a.errors).toBeUndefined();
    expect(a.data.person.timeline.length).toBeGreaterThan(b.data.person.timeline.length);
    expect(a.statements).toBe(PROFILE_STATEMENTS);
    // loaders with no keys issue nothing, so a sparse profile may cost less, never more
    expect(b.statements).toBeLessThanOrEqual(PROFILE_STATEMENTS);
  });

  it('indicators for all 22 counties cost the same statements as for one county', async () => {
    const vars = { from: '2022-01-01', to: '2022-12-31' };
    const all = await gql(service, ds, DISTRICT_INDICATORS, { ...vars, level: 'COUNTY' });
    const one = await gql(service, ds, DISTRICT_INDICATORS, { ...vars, level: 'COUNTY', parentCode: '640400' });
    expect(all.errors).toBeUndefined();
    expect(all.data.districts).toHaveLength(22);
    expect(one.data.districts).toHaveLength(5);
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(11); // indicators from the ledger: 11 statements (indicators.service.ts)
  });

  it('the timeline merges all departments newest first', async () => {
    const res = await gql(service, ds, PERSONS_PAGE, { first: 50 });
    const timelines = res.data.persons.edges.map((e: any) => e.node.timeline);
    for (const t of timelines) {
      const dates = t.map((e: any) => e.date);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
    const departments = new Set(timelines.flat().map((e: any) => e.department));
    expect([...departments].sort()).toEqual(['EMPLOYMENT', 'JUSTICE', 'PUBLIC_SECURITY']);
  });

  it('pages through persons with cursors without gaps or repeats', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 10; i++) {
      const res: any = await gql(service, ds, `query($after: String) { persons(first: 250, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { after });
      total = res.data.persons.totalCount;
      ids.push(...res.data.persons.nodes.map((n: any) => n.id));
      if (!res.data.persons.pageInfo.hasNextPage) break;
      after = res.data.persons.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
  });
});
