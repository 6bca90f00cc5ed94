import { DataSource } from 'typeorm';
import { LIMITS } from '../src/common/limits';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';
import { PERSON_FIELDS, PERSONS_PAGE } from './helpers/queries';

describe.each(testDatabases())('query limits on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  let headers: Record<string, string>;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds);
    headers = await authHeaders('ADMIN');
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });
  const expectTooComplex = (body: any, words: string) => {
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toContain(words);
    expect(body.data ?? null).toBeNull();
  };

  it('refuses depth beyond the limit, naming it', async () => {
    const deep = 'query { persons(first: 1) { nodes { drugCases { case { suspects { person { drugCases { case { suspects { person { drugCases { case { id } } } } } } } } } } } } }';
    expectTooComplex((await postGraphql(http.url, deep, {}, headers)).body, String(LIMITS.maxDepth));
  });

  it(`refuses more than ${LIMITS.maxAliases} aliases`, async () => {
    const ok = `{ ${Array.from({ length: LIMITS.maxAliases }, (_, i) => `a${i}: me { role }`).join(' ')} }`;
    expect((await postGraphql(http.url, ok, {}, headers)).body.errors).toBeUndefined();
    const many = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { role }`).join(' ')} }`;
    expectTooComplex((await postGraphql(http.url, many, {}, headers)).body, String(LIMITS.maxAliases));
  });

  it('prices pagination: persons(first: 100) with every relation passes, first: 500 does not', async () => {
    expect((await postGraphql(http.url, PERSONS_PAGE, { first: 100 }, headers)).body.errors).toBeUndefined();
    expectTooComplex((await postGraphql(http.url, PERSONS_PAGE, { first: 500 }, headers)).body, String(LIMITS.maxCost));
  });

  it('prices each request by its own `first` and @include values, the same document again and again', async () => {
    // the cost is kept per operation and per the values of the variables it depends on: a cheap
    // request must not open the door for an expensive one of the same document, nor the reverse
    for (const [first, refused] of [[100, false], [500, true], [100, false], [500, true]] as const) {
      const body = (await postGraphql(http.url, PERSONS_PAGE, { first }, headers)).body;
      if (refused) expectTooComplex(body, String(LIMITS.maxCost));
      else expect(body.errors).toBeUndefined();
    }
    const gated = `query Gated($all: Boolean!, $n: Int) { persons(first: $n) { totalCount nodes @include(if: $all) { ${PERSON_FIELDS} } } }`;
    for (const [all, refused] of [[false, false], [true, true], [false, false]] as const) {
      const body = (await postGraphql(http.url, gated, { all, n: 500 }, headers)).body;
      if (refused) expectTooComplex(body, String(LIMITS.maxCost));
      else expect(body.errors).toBeUndefined();
    }
  });

  it('refuses too many directives and oversized documents', async () => {
    const directives = `{ me { role ${Array.from({ length: LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ')} } }`;
    expectTooComplex((await postGraphql(http.url, directives, {}, headers)).body, String(LIMITS.maxDirectives));
    const huge = `{ me { role } } # ${'x'.repeat(LIMITS.maxDocumentChars)}`;
    expectTooComplex((await postGraphql(http.url, huge, {}, headers)).body, String(LIMITS.maxDocumentChars));
    const tokens = `{ ${'a '.repeat(LIMITS.maxTokens + 10)} }`;
    expectTooComplex((await postGraphql(http.url, tokens, {}, headers)).body, String(LIMITS.maxTokens));
  });

  it('refuses batched HTTP requests', async () => {
    const res = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify([{ query: '{ me { role } }' }, { query: '{ me { role } }' }]),
    });
    expect(res.status).toBe(400);
  });
});
