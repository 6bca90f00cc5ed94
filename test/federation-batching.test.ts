import { DataSource } from 'typeorm';
import { buildDepartmentSubgraph } from '../src/subgraph-schema';
import { seedDatabase } from '../src/seed/bulk-insert';
import { createServer, Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql } from './helpers/graphql';

// Batching holds in a subgraph too: the gateway asks a department for the persons of a whole page
// in one _entities call, and the statements must not grow with their number.
// justice: persons by id (jurisdiction) + their programmes with caseworkers, centres and follow-up
// checks (src/core/person-lists.ts) = 2; employment: persons by id + assistances = 2; plus the audit
// event: one INSERT (see views.test.ts).
const AUDIT_STATEMENTS = 1;
const ENTITIES = {
  justice: {
    query: `query J($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id rehabProgrammes { kind followUpChecks { result } caseworker { name } centre { name } } } } }`,
    statements: 2 + AUDIT_STATEMENTS,
  },
  employment: {
    query: `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id employmentAssistances { kind provider } } } }`,
    statements: 2 + AUDIT_STATEMENTS,
  },
} as const;

describe.each(testDatabases())('department subgraphs batch entity references ($name)', ({ target }) => {
  let ds: DataSource;
  const services: Record<string, Service> = {};
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 300, seed: 5 });
    for (const name of ['justice', 'employment'] as const) services[name] = await createServer({ ds, schema: await buildDepartmentSubgraph(name) });
    // the first audit append of a process reads the chain head (one statement more); later ones know it
    await gql(services.justice, ds, ENTITIES.justice.query, { r: [] });
  });
  afterAll(async () => {
    for (const s of Object.values(services)) await s.stop();
    await ds?.destroy();
  });

  it.each(Object.keys(ENTITIES) as Array<keyof typeof ENTITIES>)('%s: 5 and 100 persons cost the same statements', async (name) => {
    const ids: number[] = (await ds.query('SELECT id FROM person ORDER BY id')).map((r: { id: number | string }) => Number(r.id));
    const refs = (n: number) => ids.slice(0, n).map((id) => ({ __typename: 'Person', id: String(id) }));
    const small = await gql(services[name], ds, ENTITIES[name].query, { r: refs(5) });
    const large = await gql(services[name], ds, ENTITIES[name].query, { r: refs(100) });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data._entities).toHaveLength(100);
    expect(large.data._entities.map((p: { id: string }) => p.id)).toEqual(refs(100).map((r) => r.id));
    // the larger batch really reaches records
    const records = large.data._entities.flatMap((p: Record<string, unknown[]>) => p.rehabProgrammes ?? p.employmentAssistances);
    expect(records.length).toBeGreaterThan(0);
    expect([small.statements, large.statements]).toEqual([ENTITIES[name].statements, ENTITIES[name].statements]);
  });
});
