import { DataSource } from 'typeorm';
import { authHeaders } from './helpers/auth';
import { freshDatabase } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';

// NODE_ENV=production: no introspection, no Sandbox, no field suggestions, no stack traces.
describe('production mode', () => {
  let ds: DataSource;
  let http: HttpService;
  beforeAll(async () => {
    ds = await freshDatabase({ kind: 'sqlite', path: ':memory:' });
    http = await startHttp(ds, { production: true });
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });

  it('turns off introspection and field suggestions', async () => {
    const headers = await authHeaders('ADMIN');
    const intro = await postGraphql(http.url, '{ __schema { types { name } } }', {}, headers);
    expect(intro.body.errors[0].message).toMatch(/introspection/i);
    const typo = await postGraphql(http.url, '{ distrcts { code } }', {}, headers);
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo.body)).not.toContain('stacktrace');
  });

  it('does not serve the Sandbox page', async () => {
    const res = await fetch(`${http.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(text).not.toContain('embeddable-sandbox');
  });
});
