import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Role } from '../src/policy/viewer';
import { setReportConfig } from '../src/indicators/release/release-config';
import { seedDatabase } from '../src/seed/bulk-insert';
import { authHeaders } from './helpers/auth';
import { freshDatabase, testDatabases } from './helpers/databases';
import { HttpService, postGraphql, startHttp } from './helpers/http';

// The printable report in a real browser: Debian's headless Chromium (installed by .ci/run) loads
// /reports/joint.html from the real HTTP server with the Bearer token, nothing is fetched from
// anywhere else, the page's total row equals the GraphQL result, and a screenshot is kept in
// docs/joint-report.png. SQLite only: the exports test covers both databases.

const CHROMIUM = '/usr/bin/chromium';
// The committed docs/joint-report.png is refreshed only on request (UPDATE_SCREENSHOT=1), so that a
// test run does not change tracked files; otherwise the screenshot goes to bench-results/ (git-ignored).
const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOT === '1' ? join(__dirname, '..', 'docs') : join(__dirname, '..', 'bench-results');
const SCREENSHOT = join(SCREENSHOT_DIR, 'joint-report.png');
const INDICATORS = [
  'casesSolved', 'suspectsArrested', 'seizedHeroinEquivalentKg', 'precursorSeizedKg', 'drugUseDetections',
  'newUsers', 'currentUsers', 'newUserRate', 'abstinenceConsolidationRate',
  'compulsoryIsolationAdmissions', 'communityExecutionRate', 'employmentAssisted',
];
const QS = `from=2022-01-01&to=2022-12-31&compareFrom=2021-01-01&compareTo=2021-12-31&level=CITY&parentCode=640000&indicators=${INDICATORS.join(',')}`;

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
const describeIf = available ? describe : describe.skip;
if (!available) console.warn(`report-browser.test.ts skipped: no ${CHROMIUM} (apt-get install -y chromium)`);

describeIf('the printable joint report in headless Chromium', () => {
  let ds: DataSource;
  let http: HttpService;
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    setReportConfig({ suppressionThreshold: 5 });
    ds = await freshDatabase(testDatabases()[0].target);
    await seedDatabase(ds, { persons: 4000, seed: 7 });
    http = await startHttp(ds, { ops: { nodeMetrics: false } });
    profile = mkdtempSync(join(tmpdir(), 'jindu-chromium-'));
    // a fresh profile, nothing downloaded, no background traffic of the browser's own
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1400, height: 900 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
    });
  });
  afterAll(async () => {
    setReportConfig(undefined);
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await http?.close();
    await ds?.destroy();
  });

  it('loads the page with the token, fetches nothing else, and shows the totals of the GraphQL result', async () => {
    const headers = await authHeaders(Role.PROVINCIAL_OFFICE);
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(http.url)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    await page.setExtraHTTPHeaders(headers);
    const response = await page.goto(`${http.url}/reports/joint.html?${QS}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('宁夏回族自治区禁毒工作联合报表');

    const total = await page.$$eval('tr.total td[data-indicator]', (tds) =>
      tds.map((td) => ({ indicator: td.getAttribute('data-indicator'), value: td.getAttribute('data-value'), shown: td.querySelector('.v')?.textContent })),
    );
    const res = await postGraphql(
      http.url,
      `query($input: JointReportInput!) { jointReport(input: $input) { rows { district { code } } total { values { indicator value suppressed } } } }`,
      { input: { period: { from: '2022-01-01', to: '2022-12-31' }, compareTo: { from: '2021-01-01', to: '2021-12-31' }, level: 'CITY', parentCode: '640000', indicators: INDICATORS } },
      headers,
    );
    expect(res.body.errors).toBeUndefined();
    const expected = res.body.data.jointReport.total.values as Array<{ indicator: string; value: number | null; suppressed: boolean }>;
    expect(total.map((t) => t.indicator).sort()).toEqual(INDICATORS.slice().sort());
    for (const cell of expected) {
      const shown = total.find((t) => t.indicator === cell.indicator)!;
      expect([cell.indicator, shown.value === '' ? null : Number(shown.value)]).toEqual([cell.indicator, cell.value === null ? null : expect.closeTo(cell.value, 9)]);
      if (cell.indicator === 'casesSolved') expect(shown.shown).toBe(cell.value!.toLocaleString('en-US'));
    }
    // five cities per table, a bar chart per key indicator, line charts over five years
    expect(await page.locator('table.figures').first().locator('tr.district').count()).toBe(5);
    expect(await page.locator('#bar-charts svg.bar-chart').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#line-charts svg.line-chart').count()).toBe(4);
    expect(await page.locator('#line-charts').textContent()).toContain('2018年');

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
