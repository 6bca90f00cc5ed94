import { freePort, ServiceProcess } from './helpers/process';

// The helper that starts the service for the operations tests kills the child's process group when
// the service does not become ready in time, instead of leaving it (and the test run) hanging.
describe('test/helpers/process.ts', () => {
  it('kills a service that is not ready in time', async () => {
    const closed = await freePort(); // nothing listens there: the service keeps waiting for its database
    const service = new ServiceProcess(await freePort(), { DATABASE_URL: `mysql://root@127.0.0.1:${closed}/none`, DB_STARTUP_TIMEOUT_MS: '120000' });
    await expect(service.waitReady(1500)).rejects.toThrow(/not ready within 1500 ms/);
    const exit = await Promise.race([service.exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
