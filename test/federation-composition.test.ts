import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLObjectType, GraphQLSchema, isObjectType, Kind, lexicographicSortSchema, ObjectTypeDefinitionNode, print, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFor } from '../src/policy/access-rules';
import { loadConfig, loadGatewayConfig } from '../src/config';
import { buildDepartmentSubgraph } from '../src/subgraph-schema';
import { subgraphTypeDefs } from '../src/subgraph-sdl';
import { ENTITY_KEYS, SUBGRAPH_NAMES, SubgraphName } from '../src/subgraph-split';
import { composeSupergraph } from '../src/federation/supergraph';
import { buildUnguardedSchema, createSchema, printSchemaFile } from '../src/schema';

const sorted = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));

// The three department subgraphs composed (@apollo/composition) give clients exactly the single
// schema: same types, fields, arguments, defaults, descriptions and deprecations.
describe('department subgraphs and their supergraph', () => {
  let single: GraphQLSchema;
  let typeDefs: Record<SubgraphName, ReturnType<typeof subgraphTypeDefs>[SubgraphName]>;
  beforeAll(async () => {
    single = await createSchema();
    typeDefs = subgraphTypeDefs(await buildUnguardedSchema());
  });

  it("the supergraph's API schema equals the single schema, and schema/schema.graphql stays the single schema", async () => {
    const { apiSchema, supergraphSdl } = await composeSupergraph();
    // federation-only parts (join__*, link__*, _entities, _service, _Any, _Entity) are not in the API schema
    expect(printSchema(apiSchema)).not.toMatch(/\b(join__|link__|_entities|_service|_Any|_Entity)\b/);
    expect(sorted(apiSchema)).toBe(sorted(single));
    // composition saw three subgraphs and the two entities with their keys
    for (const name of ['PUBLIC_SECURITY', 'JUSTICE', 'EMPLOYMENT']) expect(supergraphSdl).toContain(`@join__type(graph: ${name}, key: "id")`);
    expect(supergraphSdl).toContain('@join__type(graph: PUBLIC_SECURITY, key: "code")');
    expect(readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8')).toBe(printSchemaFile(single));
    expect(readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8')).not.toContain('@key');
  });

  it('each field of Query, Mutation, Person and District is served by exactly one subgraph (keys by all that declare the entity)', () => {
    const served = new Map<string, SubgraphName[]>();
    for (const name of SUBGRAPH_NAMES) {
      for (const def of typeDefs[name].definitions) {
        if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !['Query', 'Mutation', ...Object.keys(ENTITY_KEYS)].includes(def.name.value)) continue;
        for (const f of def.fields ?? []) {
          const key = `${def.name.value}.${f.name.value}`;
          served.set(key, [...(served.get(key) ?? []), name]);
        }
      }
    }
    for (const typeName of ['Query', 'Mutation', 'Person', 'District']) {
      for (const field of Object.keys((single.getType(typeName) as GraphQLObjectType).getFields())) {
        const by = served.get(`${typeName}.${field}`);
        if (field === ENTITY_KEYS[typeName]) expect(by?.length).toBeGreaterThanOrEqual(1);
        else expect([`${typeName}.${field}`, by?.length]).toEqual([`${typeName}.${field}`, 1]);
      }
    }
    expect(served.get('Person.rehabProgrammes')).toEqual(['justice']);
    expect(served.get('Person.employmentAssistances')).toEqual(['employment']);
    expect(served.get('Mutation.upsertRehabProgrammes')).toEqual(['justice']);
    expect(served.get('Mutation.upsertEmploymentAssistances')).toEqual(['employment']);
    expect(served.get('Person.drugCases')).toEqual(['public-security']);
    expect(served.get('District.indicators')).toEqual(['public-security']);
    expect(served.get('Person.id')).toEqual(['public-security', 'justice', 'employment']);
  });

  it('Person and District carry @key, value types served by several subgraphs are @shareable', () => {
    const typeDef = (name: SubgraphName, type: string) =>
      typeDefs[name].definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type);
    for (const name of SUBGRAPH_NAMES) expect(print(typeDef(name, 'Person')!)).toMatch(/^type Person @key\(fields: "id"\)/m);
    expect(print(typeDef('public-security', 'District')!)).toMatch(/^type District @key\(fields: "code"\)/m);
    // justice's records also appear in the hub's timeline; the upsert payload is every department's
    expect(print(typeDef('justice', 'RehabProgramme')!)).toMatch(/^type RehabProgramme @shareable/m);
    expect(print(typeDef('employment', 'UpsertPayload')!)).toMatch(/^type UpsertPayload @shareable/m);
    // a department subgraph holds only its part
    expect(typeDef('justice', 'DrugCase')).toBeUndefined();
    expect(typeDef('employment', 'RehabProgramme')).toBeUndefined();
    expect(typeDef('justice', 'Query')).toBeUndefined();
    // the SDL builds as a subgraph on its own
    for (const name of SUBGRAPH_NAMES) expect(() => buildSubgraphSchema({ typeDefs: typeDefs[name] })).not.toThrow();
  });

  it('every field of a subgraph has an access rule, except the federation fields, which are handled explicitly', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const schema = await buildDepartmentSubgraph(name);
      const unruled: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.keys(type.getFields())) if (!ruleFor(type.name, field)) unruled.push(`${type.name}.${field}`);
      }
      expect([name, unruled.sort()]).toEqual([name, ['Query._entities', 'Query._service', '_Service.sdl']]);
    }
  });
});

describe('federation configuration', () => {
  it('SUBGRAPH names a department subgraph; unset means the single schema', () => {
    expect(loadConfig({ SUBGRAPH: 'justice' }).subgraph).toBe('justice');
    expect(loadConfig({}).subgraph).toBeNull();
    expect(() => loadConfig({ SUBGRAPH: 'police' })).toThrow(/^SUBGRAPH: must be one of public-security, justice, employment$/);
  });

  it('the gateway needs the URL of each of the three subgraphs, and nothing else', () => {
    const urls = 'public-security=http://ps:4001/graphql, justice=http://ju:4002/graphql,employment=https://em/graphql';
    // production without a token secret: the gateway verifies no tokens itself
    expect(loadGatewayConfig({ SUBGRAPH_URLS: urls, PORT: '4100', NODE_ENV: 'production' })).toEqual({
      port: 4100, production: true, logLevel: 'info',
      subgraphUrls: { 'public-security': 'http://ps:4001/graphql', justice: 'http://ju:4002/graphql', employment: 'https://em/graphql' },
    });
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: 'public-security=http://ps/graphql' })).toThrow(/^SUBGRAPH_URLS: missing justice, employment$/);
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: 'police=http://x/graphql' })).toThrow(/^SUBGRAPH_URLS: entry 1 \("police=\.\.\."\) is not NAME=http\(s\):\/\/URL$/);
    // a URL with credentials is not echoed in the error
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: 'justice=ftp://user:secret@x' })).toThrow(/^(?!.*secret)/);
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: `${urls},justice=ftp://x` })).toThrow(/is not NAME=http/);
  });
});
