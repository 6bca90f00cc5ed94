import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { DataSource } from 'typeorm';
import { createCompiledExecutor } from '../src/common/compiled-execution';
import { loadConfig } from '../src/config';
import { withPositiveIds } from '../src/common/ids';
import { buildContext } from '../src/core/context';
import { Role, Viewer } from '../src/policy/viewer';
import { createSchema } from '../src/schema';
import { seedDatabase } from '../src/seed/bulk-insert';
import { createServer, Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { gql, GqlResult, PROVINCE_ADMIN } from './helpers/graphql';
import { DISTRICT_INDICATORS, PERSON_PROFILE, PERSONS_PAGE } from './helpers/queries';

// Compiled execution (graphql-jit, src/common/compiled-execution.ts) answers exactly what graphql-js
// answers: data, errors with their codes and paths, nulls on refused fields, with the same statements.
const COUNTY = '640104';
const JIT_DATE_MARKER = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
const byPath = (errors: GqlResult['errors']) => errors && [...errors].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
const viewer = (role: Role, district = COUNTY): Viewer => ({ sub: `compiled-${role}`, name: role, role, district, purpose: 'automated test' });

const TIMELINE_BY_FRAGMENTS = `query Timeline($id: ID!) {
  person(id: $id) { ...Who timeline { __typename kind record { __typename ... on DrugUseDetection { substance } ... on RehabProgramme { kind } } } }
}
fragment Who on Person { id name latestRisk { riskColour } }`;
// variables inside literals, an omitted variable (the argument's default applies), @skip/@include on
// fields, inline fragments and fragment spreads
const DIRECTIVES_AND_NESTED_VARIABLES = `query Directives($county: String, $colour: RiskColour, $first: Int, $withRisk: Boolean!, $skipName: Boolean!) {
  persons(first: $first, filter: { districtCode: $county, latestRiskColour: $colour }) {
    totalCount
    edges { node { id name @skip(if: $skipName) ...Risk @include(if: $withRisk) ... on Person @skip(if: $withRisk) { gender } } }
  }
}
fragment Risk on Person { latestRisk { riskColour } riskAssessments { riskColour } }`;
const INTROSPECTION = '{ __schema { queryType { name } } __type(name: "Person") { name fields { name } } }';
const ROOTS_AND_ALIASES = `query Roots($first: Int) {
  me { role district }
  a: districts(level: COUNTY) { code name }
  b: persons(first: $first) { totalCount edges { node { id residenceDistrictCode } } }
  missing: person(id: "999999") { id }
}`;

describe.each(testDatabases())('compiled execution on $name', ({ target }) => {
  let ds: DataSource;
  let compiled: Service;
  let graphqlJs: Service;
  let outside: string;
  let inside: string;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 200, seed: 5 });
    compiled = await createServer({ ds });
    graphqlJs = await createServer({ ds, compiledExecution: false });
    [{ id: inside }] = await ds.query('SELECT id FROM person WHERE residence_district_code = ? ORDER BY id LIMIT 1', [COUNTY]);
    [{ id: outside }] = await ds.query('SELECT id FROM person WHERE residence_district_code <> ? ORDER BY id LIMIT 1', [COUNTY]);
    // the first audit append of a process reads the chain head; the comparisons below count statements
    await gql(compiled, ds, PERSON_PROFILE, { id: String(inside) });
    await gql(graphqlJs, ds, PERSON_PROFILE, { id: String(inside) });
  }, 120_000);
  afterAll(async () => {
    await compiled?.stop();
    await graphqlJs?.stop();
    await ds?.destroy();
  });

  const executions = async (service: Service, executor: string) =>
    (await service.ops.metrics.executions.get()).values.find((v) => v.labels.executor === executor)?.value ?? 0;

  // variables are read when a test runs, after beforeAll found the persons
  const operations = (): Array<[string, string, () => Record<string, unknown>, Viewer]> => [
    ['a page of persons, every relation', PERSONS_PAGE, () => ({ first: 30 }), PROVINCE_ADMIN],
    ['a page of persons for a county officer', PERSONS_PAGE, () => ({ first: 30, filter: { districtCode: COUNTY } }), viewer(Role.PUBLIC_SECURITY)],
    ['a profile read by a role refused part of it', PERSON_PROFILE, () => ({ id: String(inside) }), viewer(Role.EMPLOYMENT)],
    ['a profile read by another such role', PERSON_PROFILE, () => ({ id: String(inside) }), viewer(Role.JUSTICE)],
    ['a profile outside the jurisdiction', PERSON_PROFILE, () => ({ id: String(outside) }), viewer(Role.PUBLIC_SECURITY)],
    ['persons read by an aggregate-only role', PERSONS_PAGE, () => ({ first: 5 }), viewer(Role.PROVINCIAL_OFFICE, '640000')],
    ['fragments, a union and __typename', TIMELINE_BY_FRAGMENTS, () => ({ id: String(inside) }), PROVINCE_ADMIN],
    ['root fields, aliases, an unknown id', ROOTS_AND_ALIASES, () => ({ first: 3 }), viewer(Role.JUSTICE)],
    ['directives and variables nested in literals', DIRECTIVES_AND_NESTED_VARIABLES, () => ({ county: COUNTY, withRisk: true, skipName: true }), PROVINCE_ADMIN],
    ['the same with the other directive values', DIRECTIVES_AND_NESTED_VARIABLES, () => ({ county: COUNTY, colour: 'RED', first: 2, withRisk: false, skipName: false }), viewer(Role.EMPLOYMENT)],
    ['district indicators', DISTRICT_INDICATORS, () => ({ level: 'COUNTY', from: '2022-01-01', to: '2022-12-31' }), PROVINCE_ADMIN],
    ['introspection', INTROSPECTION, () => ({}), PROVINCE_ADMIN],
  ];

  it.each(operations())('%s: the same answer and statements as graphql-js', async (_label, query, variablesOf, who) => {
    const variables = variablesOf();
    const before = await executions(compiled, 'compiled');
    const expected = await gql(graphqlJs, ds, query, variables, who);
    const actual = await gql(compiled, ds, query, variables, who);
    expect(actual.data).toEqual(expected.data);
    // the order of errors is the order resolvers settle in, for graphql-js as for graphql-jit
    expect(byPath(actual.errors)).toEqual(byPath(expected.errors));
    expect(actual.statements).toBe(expected.statements);
    expect(await executions(compiled, 'compiled')).toBe(before + 1);
  });

  it('refused answers keep their codes: partial data with nulls where FORBIDDEN', async () => {
    const { data, errors } = await gql(compiled, ds, PERSON_PROFILE, { id: String(inside) }, viewer(Role.EMPLOYMENT));
    expect(data?.person).not.toBeNull();
    expect(errors?.length).toBeGreaterThan(0);
    expect(new Set(errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });

  it('variables graphql-js refuses are refused the same way (an ID that is not a positive integer)', async () => {
    for (const id of ['-1', '0', 'abc', '1.5']) {
      const expected = await gql(graphqlJs, ds, PERSON_PROFILE, { id });
      const actual = await gql(compiled, ds, PERSON_PROFILE, { id });
      expect(actual.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect({ ...actual, log: undefined }).toEqual({ ...expected, log: undefined });
    }
  });

  it('internal errors are masked, an unreachable database is SERVICE_UNAVAILABLE, as with graphql-js', async () => {
    const fail = (error: Error) => () => Promise.reject(error);
    const schema = () =>
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            ok: { type: GraphQLString, resolve: () => 'yes' },
            internal: { type: GraphQLString, resolve: fail(new Error('SELECT secret FROM somewhere')) },
            unavailable: { type: GraphQLString, resolve: fail(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) },
            nonNull: { type: new GraphQLNonNull(GraphQLString), resolve: fail(new Error('no')) },
          },
        }),
      });
    const small = [await createServer({ ds, schema: schema() }), await createServer({ ds, schema: schema(), compiledExecution: false })];
    try {
      const [actual, expected] = await Promise.all(small.map((s) => gql(s, ds, '{ ok internal unavailable }')));
      expect(actual.data).toEqual({ ok: 'yes', internal: null, unavailable: null });
      expect(actual.errors).toEqual([
        { message: 'Internal server error', path: ['internal'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        { message: 'The database is unavailable; try again shortly', path: ['unavailable'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
      expect(actual.errors).toEqual(expected.errors);
      const [nullRoot, nullRootJs] = await Promise.all(small.map((s) => gql(s, ds, '{ ok nonNull }')));
      expect(nullRoot.data).toBeNull();
      expect(nullRoot.errors).toEqual(nullRootJs.errors);
      expect(await executions(small[0], 'compiled')).toBe(2);
    } finally {
      await Promise.all(small.map((s) => s.stop()));
    }
  });

  // graphql-jit 0.8 turns "__MAGIC_DATE__<uuid><text>" in a literal argument into the code `new Date(<text>)`
  it.each([
    ['a string argument', (code: string) => `{ personByIdNumber(idNumber: "${JIT_DATE_MARKER}${code}") { id } }`],
    ['a field of an input object', (code: string) => `{ auditEvents(first: 1, filter: { subject: "${JIT_DATE_MARKER}${code}" }) { totalCount } }`],
    ['an escaped string', (code: string) => `{ personByIdNumber(idNumber: "\\u005F\\u005F${JIT_DATE_MARKER.slice(2)}${code}") { id } }`],
  ])("graphql-jit's code marker in %s is never compiled: its text would run in the server", async (_label, queryWith) => {
    const flag = 'jinduInjectedByLiteral';
    const query = queryWith(`0)&&(globalThis.${flag} = 1`);
    const before = await executions(compiled, 'graphql-js');
    const expected = await gql(graphqlJs, ds, query);
    const actual = await gql(compiled, ds, query);
    expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
    expect(actual.data).toEqual(expected.data);
    expect(actual.errors).toEqual(expected.errors);
    expect(await executions(compiled, 'graphql-js')).toBe(before + 1);
  });

  it('mutations are executed by graphql-js', async () => {
    const before = await executions(compiled, 'graphql-js');
    const expected = await gql(graphqlJs, ds, 'mutation { resolveIdentityConflict(id: "999999") { id } }');
    const actual = await gql(compiled, ds, 'mutation { resolveIdentityConflict(id: "999999") { id } }');
    expect(actual.errors?.length).toBeGreaterThan(0);
    expect({ ...actual, log: undefined }).toEqual({ ...expected, log: undefined });
    expect(await executions(compiled, 'graphql-js')).toBe(before + 1);
  });
});

describe('the compiled executor on its own', () => {
  it('is on unless COMPILED_EXECUTION=false', () => {
    expect(loadConfig({}).compiledExecution).toBe(true);
    expect(loadConfig({ COMPILED_EXECUTION: 'true' }).compiledExecution).toBe(true);
    expect(loadConfig({ COMPILED_EXECUTION: 'false' }).compiledExecution).toBe(false);
    expect(() => loadConfig({ COMPILED_EXECUTION: '0' })).toThrow(/^COMPILED_EXECUTION: must be true or false$/);
  });

  const PROFILE = parse(PERSON_PROFILE);
  const run = async (executor: ReturnType<typeof createCompiledExecutor>, id: unknown, queryHash = 'profile') =>
    executor({
      document: PROFILE,
      operation: PROFILE.definitions[0] as never,
      operationName: undefined,
      variables: { id },
      contextValue: buildContext(undefined as never, undefined as never, PROVINCE_ADMIN),
      queryHash,
    });

  // graphql-jit coerces ID variables itself, by the scalar's name: without the check in front of it,
  // "-1" would reach the resolvers as an id
  it('refuses an ID variable that src/common/ids.ts refuses, before any resolver runs', async () => {
    const executor = createCompiledExecutor(withPositiveIds(await createSchema()));
    const result = await run(executor, '-1');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$id" got invalid value "-1"; An ID must be a positive integer/);
  });

  it('a document graphql-jit does not compile is executed by graphql-js, and not compiled again', async () => {
    const executions: string[] = [];
    const executor = createCompiledExecutor(withPositiveIds(await createSchema()), { onExecute: (e) => executions.push(e) });
    // two operations and no name: graphql-jit refuses to compile it, graphql-js answers its own error
    const document = parse('query A { __typename } query B { __typename }');
    const both = () => executor({ document, operation: document.definitions[0] as never, operationName: undefined, variables: undefined, contextValue: {}, queryHash: 'ab' });
    for (let i = 0; i < 2; i++) {
      const result = await both();
      expect(result.errors?.[0]?.message).toBe('Must provide operation name if query contains multiple operations.');
    }
    expect(executions).toEqual(['graphql-js', 'graphql-js']);
    expect(executor.cached()).toBe(1);
  });

  it('keeps at most maxDocuments compiled documents; a request without a query hash is not compiled', async () => {
    const executions: string[] = [];
    const executor = createCompiledExecutor(withPositiveIds(await createSchema()), { maxDocuments: 2, onExecute: (e) => executions.push(e) });
    const document = parse('query Name { __typename }');
    const typename = (queryHash: string) =>
      executor({ document, operation: document.definitions[0] as never, operationName: undefined, variables: undefined, contextValue: {}, queryHash });
    for (const hash of ['a', 'b', 'c', 'a']) expect(await typename(hash)).toEqual({ data: { __typename: 'Query' } });
    expect(executor.cached()).toBe(2);
    expect(await typename('')).toEqual({ data: { __typename: 'Query' } });
    expect(executions).toEqual(['compiled', 'compiled', 'compiled', 'compiled', 'graphql-js']);
  });
});
