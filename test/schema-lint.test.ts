import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType, isNonNullType, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { gql, startService } from './helpers/graphql';
import { Service } from '../src/server';

const ROOT = join(__dirname, '..');
const SDL = join(ROOT, 'schema', 'schema.graphql');

// The committed schema passes graphql-schema-linter's rules (Relay PageInfo and connections,
// descriptions on every type and field, capitalised); CI runs this test.
describe('schema conventions', () => {
  it('graphql-schema-linter reports no error', () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'graphql-schema-linter');
    let output = '';
    try {
      output = execFileSync(bin, [SDL], { cwd: ROOT, encoding: 'utf8' });
    } catch (err) {
      output = (err as { stdout?: string }).stdout ?? String(err);
      throw new Error(`graphql-schema-linter:\n${output}`);
    }
    expect(output).toMatch(/0 errors detected/);
  });

  it('every connection has edges, nodes, pageInfo and totalCount; PageInfo follows Relay', () => {
    const schema = buildSchema(readFileSync(SDL, 'utf8'));
    const connections = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThanOrEqual(5);
    for (const c of connections) {
      expect([c.name, Object.keys(c.getFields()).filter((f) => ['edges', 'nodes', 'pageInfo', 'totalCount'].includes(f)).sort()]).toEqual([
        c.name,
        ['edges', 'nodes', 'pageInfo', 'totalCount'],
      ]);
    }
    const pageInfo = schema.getType('PageInfo') as GraphQLObjectType;
    const fields = pageInfo.getFields();
    for (const name of ['hasNextPage', 'hasPreviousPage']) expect([name, isNonNullType(fields[name].type), getNamedType(fields[name].type).name]).toEqual([name, true, 'Boolean']);
    for (const name of ['startCursor', 'endCursor']) expect([name, getNamedType(fields[name].type).name]).toEqual([name, 'String']);
  });
});

describe.each(testDatabases())('Relay page information on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    const fx = new Fixtures(ds);
    for (let i = 0; i < 3; i++) await fx.person({ county: '640104' });
    service = await startService(ds);
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  it('gives start and end cursors, and hasPreviousPage once paging after a cursor', async () => {
    const q = `query($after: String) { persons(first: 2, after: $after) { nodes { id } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const first = (await gql(service, ds, q, {})).data.persons;
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
    const second = (await gql(service, ds, q, { after: first.pageInfo.endCursor })).data.persons;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: second.edges[0].cursor, endCursor: second.edges[0].cursor });
    const audit = await gql(service, ds, '{ auditEvents(first: 1) { nodes { seq } edges { node { seq } } pageInfo { startCursor hasPreviousPage } } }');
    expect(audit.errors).toBeUndefined();
    expect(audit.data.auditEvents.nodes).toEqual(audit.data.auditEvents.edges.map((e: { node: unknown }) => e.node));
  });
});
