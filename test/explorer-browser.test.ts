import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, startHttp } from './helpers/http';

// The explorer a developer opens at /graphql, in real headless Chromium with every request that does
// not go to the service itself aborted (a machine without internet): it loads, comes with a working
// development token and purpose, and runs its first query.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
const describeIf = available ? describe : describe.skip;

describeIf('the explorer in headless Chromium, offline', () => {
  let ds: DataSource;
  let http: HttpService;
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    ds = await freshDatabase(testDatabases()[0].target);
    http = await startHttp(ds, { ops: { nodeMetrics: false } });
    profile = mkdtempSync(join(tmpdir(), 'jindu-explorer-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1400, height: 900 },
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await http?.close();
    await ds?.destroy();
  });

  it('opens with a token and a purpose prefilled and runs a query, fetching nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(http.url)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const response = await page.goto(`${http.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"ADMIN"').waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('640100'); // 银川市 among the cities
    expect(text).not.toContain('errors');
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});

describe('the explorer outside development', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase(testDatabases()[0].target);
  });
  afterAll(() => ds?.destroy());

  it('is off in production unless enabled, and then carries no token', async () => {
    const off = await startHttp(ds, { production: true, auth: { jwtSecret: 'x'.repeat(16) + 'Qz7!pL0#vW2@rT9$', jwksUrl: null, issuer: 'jindu-graph', audience: 'jindu-graph' } });
    const on = await startHttp(ds, { production: true, explorer: true, auth: { jwtSecret: 'x'.repeat(16) + 'Qz7!pL0#vW2@rT9$', jwksUrl: null, issuer: 'jindu-graph', audience: 'jindu-graph' } });
    try {
      const closed = await fetch(`${off.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(closed.headers.get('content-type')).not.toContain('text/html');
      expect((await fetch(`${off.url}/explorer/graphiql.js`)).status).toBe(404);
      const open = await fetch(`${on.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(open.status).toBe(200);
      const html = await open.text();
      expect(html).toContain('your token>');
      expect(html).not.toMatch(/Bearer ey/);
      expect((await fetch(`${on.url}/explorer/graphiql.js`)).status).toBe(200);
    } finally {
      await off.close();
      await on.close();
    }
  });
});
