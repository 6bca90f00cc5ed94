import { DataSource } from 'typeorm';
import { Service } from '../src/server';
import { freshDatabase, testDatabases } from './helpers/databases';
import { Fixtures } from './helpers/fixtures';
import { gql, startService } from './helpers/graphql';

describe.each(testDatabases())('bad input on $name', ({ target }) => {
  let ds: DataSource;
  let service: Service;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await new Fixtures(ds).person({ county: '640104', birthDate: '1990-05-01' });
    service = await startService(ds);
  });
  afterAll(async () => {
    await service?.stop();
    await ds?.destroy();
  });

  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const res = await gql(service, ds, query, variables);
    expect(res.errors).toHaveLength(1);
    return res.errors![0];
  };

  it.each([
    ['11010519491231002Y', 'CHARACTER'],
    ['110105194912310021', 'CHECK_CHARACTER'],
    ['1101051949123100', 'LENGTH'],
    ['110105199902300027', 'BIRTH_DATE'],
  ])('a malformed ID number %s names the rule %s', async (idNumber, rule) => {
    const err = await errorOf('query($n: String!) { personByIdNumber(idNumber: $n) { id } }', { n: idNumber });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule });
    expect(err.message).not.toContain(idNumber);
  });

  it('finds a person by a 15-digit legacy number and by a lower-case x', async () => {
    const [row] = await ds.query('SELECT id, id_number FROM person');
    const res = await gql(service, ds, 'query($n: String!) { personByIdNumber(idNumber: $n) { id } }', { n: ` ${row.id_number.toLowerCase()} ` });
    expect(res.data.personByIdNumber.id).toBe(String(row.id));
    const legacy = row.id_number.slice(0, 6) + row.id_number.slice(8, 17);
    const viaLegacy = await gql(service, ds, 'query($n: String!) { personByIdNumber(idNumber: $n) { id } }', { n: legacy });
    expect(viaLegacy.data.personByIdNumber.id).toBe(String(row.id));
    const unknown = await gql(service, ds, '{ personByIdNumber(idNumber: "11010519491231002X") { id } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.personByIdNumber).toBeNull();
  });

  it('an unknown district and a malformed code are BAD_USER_INPUT, each with its rule (test/district-inputs.test.ts)', async () => {
    expect((await errorOf('{ district(code: "650000") { code } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'UNKNOWN_DISTRICT' });
    expect((await errorOf('{ district(code: "64-01") { code } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DISTRICT_CODE' });
  });

  it.each([
    [{ from: '2022-12-31', to: '2022-01-01' }, 'after'],
    [{ from: '2010-01-01', to: '2022-12-31' }, 'longer than 10 years'],
  ])('period %j is refused', async (period, words) => {
    const err = await errorOf('query($p: PeriodInput!) { district(code: "640000") { indicators(period: $p) { casesFiled } } }', { p: period });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.message).toContain(words);
  });

  it('refuses pages above 500 and foreign cursors', async () => {
    expect((await errorOf('{ persons(first: 501) { totalCount } }')).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await errorOf('{ persons(first: 5, after: "bm9wZQ") { totalCount } }')).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never lets a database error reach the client', async () => {
    const throwaway = await freshDatabase(target);
    const svc = await startService(throwaway);
    await throwaway.query('DROP TABLE risk_assessment');
    const res = await gql(svc, throwaway, '{ persons(filter: { latestRiskColour: RED }) { totalCount } }');
    await svc.stop();
    await throwaway.destroy();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toEqual({ message: 'Internal server error', path: ['persons'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
