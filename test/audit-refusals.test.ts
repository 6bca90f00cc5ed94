import { DataSource } from 'typeorm';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { tokenFor } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';

// Requests refused before they run are in the audit trail too: a token that does not verify, no
// token at all, a quota exceeded. The token itself is never stored.
describe.each(testDatabases())('refused requests in the audit trail on $name', ({ target }) => {
  let ds: DataSource;
  let http: HttpService;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    http = await startHttp(ds, { subjectLimits: { maxInFlight: 1, ratePerMinute: 60, burst: 1 } });
  });
  afterAll(async () => {
    await http?.close();
    await ds?.destroy();
  });
  const latest = async () => {
    await new Promise((r) => setTimeout(r, 100)); // refusals are audited without holding up the answer
    return ds.getRepository(AuditEvent).find({ order: { seq: 'DESC' }, take: 1 });
  };

  it('audits a token that does not verify, without the token', async () => {
    const forged = `${(await tokenFor('ADMIN')).slice(0, -4)}AAAA`;
    const res = await postGraphql(http.url, '{ me { role } }', {}, { authorization: `Bearer ${forged}` });
    expect(res.status).toBe(401);
    const [event] = await latest();
    expect([event.operationName, event.outcome, event.subjectSub]).toEqual(['refused:UNAUTHENTICATED:INVALID_TOKEN', 'DENIED', 'anonymous']);
    expect(JSON.stringify(event)).not.toContain(forged.slice(20, 60));
  });

  it('audits a request without a token', async () => {
    expect((await postGraphql(http.url, '{ me { role } }', {}, {})).status).toBe(401);
    const [event] = await latest();
    expect([event.operationName, event.outcome]).toEqual(['refused:UNAUTHENTICATED:NO_TOKEN', 'DENIED']);
  });

  it('audits a request refused by the quota, naming who asked', async () => {
    const authorization = `Bearer ${await tokenFor('ADMIN', '640000')}`;
    const answers = await Promise.all([1, 2, 3].map(() => postGraphql(http.url, '{ me { role } }', {}, { authorization })));
    expect(answers.map((a) => a.status)).toContain(429);
    const [event] = await latest();
    expect(event.operationName).toMatch(/^refused:RATE_LIMITED:/);
    expect([event.outcome, event.subjectRole]).toEqual(['DENIED', 'ADMIN']);
  });
});
