import { getMetadataStorage } from 'class-validator';
import { getNamedType, GraphQLSchema, isInputObjectType, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';
import { DISTRICT_CODE_INPUTS } from '../src/districts/district-inputs';
import '../src/departments';
import { kindSpecs } from '../src/ingest/record-kinds';
import { createSchema } from '../src/schema';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { gql, PROVINCE_ADMIN } from './helpers/graphql';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { Role } from '../src/policy/viewer';

// Issue 14, item 11: a district code in an argument, filter or input that is not 6 digits, or not a
// district of the reference list, is a coded 400 before any SQL, read in one place
// (src/core/district-code.ts through src/districts/district-inputs.ts).
const PERIOD = '{ from: "2022-01-01", to: "2022-12-31" }';
const OPERATIONS: Array<[string, (code: string) => string]> = [
  ['district(code)', (c) => `{ district(code: ${JSON.stringify(c)}) { code } }`],
  ['districts(parentCode)', (c) => `{ districts(parentCode: ${JSON.stringify(c)}) { code } }`],
  ['persons(filter: { districtCode })', (c) => `{ persons(first: 5, filter: { districtCode: ${JSON.stringify(c)} }) { totalCount } }`],
  ['District.persons(filter: { districtCode })', (c) => `{ district(code: "640000") { persons(first: 5, filter: { districtCode: ${JSON.stringify(c)} }) { totalCount } } }`],
  ['jointReport(input: { parentCode })', (c) => `{ jointReport(input: { period: ${PERIOD}, parentCode: ${JSON.stringify(c)} }) { total { district { code } } } }`],
  ['jointReportLink(input: { parentCode })', (c) => `{ jointReportLink(format: CSV, input: { period: ${PERIOD}, parentCode: ${JSON.stringify(c)} }) { url } }`],
];
const MALFORMED = ['64', '6401041', '64010A', ' 640104', '', '640104001'];
const UNKNOWN = ['999999', '650000', '640999', '110105'];

const dataStatements = (log: string[]) => log.filter((sql) => !/audit_|^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql.trim()));

describe.each(testDatabases())('district codes in inputs on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let headers: Record<string, string>;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await new Fixtures(ds).person({ county: '640104', birthDate: '1990-05-01' });
    http = await startHttp(ds);
    headers = await authHeaders('ADMIN');
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it.each(OPERATIONS)('%s: a malformed code is 400 DISTRICT_CODE, an unknown one 400 UNKNOWN_DISTRICT, before any SQL', async (_name, operation) => {
    for (const [codes, rule] of [[MALFORMED, 'DISTRICT_CODE'], [UNKNOWN, 'UNKNOWN_DISTRICT']] as const) {
      for (const code of codes) {
        const res = await gql(http.service, ds, operation(code));
        expect({ code, error: res.errors?.[0]?.extensions }).toMatchObject({ code, error: { code: 'BAD_USER_INPUT', rule } });
        expect(res.data ?? null).toBeNull();
        expect(dataStatements(res.log)).toEqual([]);
        const viaHttp = await postGraphql(http.url, operation(code), {}, headers);
        expect({ code, status: viaHttp.status, rule: viaHttp.body.errors?.[0]?.extensions?.rule }).toEqual({ code, status: 400, rule });
      }
    }
  });

  it('reads codes passed in variables, in nested inputs, and in fragments the same way', async () => {
    const asVariable = 'query($f: PersonFilter) { persons(first: 5, filter: $f) { totalCount } }';
    const bad = await postGraphql(http.url, asVariable, { f: { districtCode: '999999' } }, headers);
    expect([bad.status, bad.body.errors?.[0]?.extensions?.code, bad.body.errors?.[0]?.extensions?.rule]).toEqual([400, 'BAD_USER_INPUT', 'UNKNOWN_DISTRICT']);
    const inFragment = 'query($c: String!) { ...F } fragment F on Query { district(code: $c) { code } }';
    expect((await postGraphql(http.url, inFragment, { c: '64-104' }, headers)).body.errors?.[0]?.extensions?.rule).toBe('DISTRICT_CODE');
    const good = await postGraphql(http.url, asVariable, { f: { districtCode: '640104' } }, headers);
    expect([good.status, good.body.errors, good.body.data?.persons?.totalCount]).toEqual([200, undefined, 1]);
  });

  it('a known code outside the caller\'s jurisdiction is answered as before (the reference list is public; no existence oracle)', async () => {
    const county: typeof PROVINCE_ADMIN = { sub: 'c1', name: 'c1', role: Role.PUBLIC_SECURITY, district: '640205', purpose: 'test' };
    const other = await gql(http.service, ds, '{ district(code: "640104") { code name } }', undefined, county);
    expect(other.errors).toBeUndefined();
    expect(other.data.district.code).toBe('640104');
    // a person filter outside the jurisdiction counts nobody, as one inside it with nobody does
    const outside = await gql(http.service, ds, '{ persons(first: 5, filter: { districtCode: "640104" }) { totalCount } }', undefined, county);
    const emptyInside = await gql(http.service, ds, '{ persons(first: 5, filter: { districtCode: "640205" }) { totalCount } }', undefined, county);
    expect([outside.errors, outside.data.persons.totalCount]).toEqual([undefined, 0]);
    expect([emptyInside.errors, emptyInside.data.persons.totalCount]).toEqual([undefined, 0]);
    const figures = await gql(http.service, ds, `{ district(code: "640104") { indicators(period: ${PERIOD}) { casesFiled } } }`, undefined, county);
    expect(figures.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('every input that takes a district code is read by one parser', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });
  const looksLikeDistrict = (name: string) => /districtcode$|parentcode$|provincecode$|^code$/i.test(name);

  it('each argument or input field named like a district code is in DISTRICT_CODE_INPUTS or validated per row by the import pipeline', () => {
    const rowInputs = new Map(kindSpecs().map((k) => [k.input.name, k.input]));
    const found: string[] = [];
    const unclassified: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            if (!looksLikeDistrict(arg.name) || getNamedType(arg.type).name !== 'String') continue;
            const key = `${type.name}.${field.name}(${arg.name})`;
            found.push(key);
            if (!DISTRICT_CODE_INPUTS.has(key)) unclassified.push(key);
          }
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!looksLikeDistrict(field.name)) continue;
          const key = `${type.name}.${field.name}`;
          found.push(key);
          if (DISTRICT_CODE_INPUTS.has(key)) continue;
          // a department record: its validators reject the row (into the quarantine), not the batch
          const input = rowInputs.get(type.name);
          const rules = input ? getMetadataStorage().getTargetValidationMetadatas(input, '', true, false).filter((m) => m.propertyName === field.name).map((m) => m.name) : [];
          if (!rules.some((r) => r === 'DISTRICT_CODE' || r === 'PROVINCE_CODE')) unclassified.push(key);
        }
      }
    }
    expect(unclassified).toEqual([]);
    expect(found).toEqual(expect.arrayContaining([...DISTRICT_CODE_INPUTS]));
  });
});
