import { GraphQLError } from 'graphql';
import { configureAuditKey, DEV_AUDIT_KEY } from '../src/audit/audit-key';
import { assertWholeMonths, cellNoise, COLUMN_KIND, DERIVED_WHOLES, isWholeMonths, monthsOf, NOISED_COLUMNS, periodNoise } from '../src/indicators/release/release-noise';
import { BASE_COLUMNS } from '../src/indicators/release/suppression';

// The keyed noise of the release on its own (docs/RELEASE-RULES.md): no database.

describe('release noise', () => {
  afterEach(() => configureAuditKey(DEV_AUDIT_KEY));

  const sample = () => {
    const out: number[] = [];
    for (const column of NOISED_COLUMNS) for (let county = 0; county < 20; county++) for (const month of monthsOf({ from: '2020-01-01', to: '2022-12-31' })) out.push(cellNoise(column, `6401${county}`, month));
    return out;
  };

  it('is -2, -1, +1 or +2, never 0, each about a quarter of the cells, mean about 0', () => {
    const noise = sample();
    expect(noise.length).toBeGreaterThan(10_000);
    for (const v of [-2, -1, 1, 2]) {
      const share = noise.filter((n) => n === v).length / noise.length;
      expect([v, share > 0.23 && share < 0.27]).toEqual([v, true]);
    }
    expect(noise.filter((n) => ![-2, -1, 1, 2].includes(n))).toEqual([]);
    expect(Math.abs(noise.reduce((a, b) => a + b, 0) / noise.length)).toBeLessThan(0.05);
  });

  it('is the same for the same cell every time, and follows the audit key (a deployment with its own key has its own noise)', () => {
    const first = sample();
    expect(sample()).toEqual(first);
    configureAuditKey(Buffer.from('another audit key of at least 32 bytes, for the test'));
    const other = sample();
    expect(other.filter((n, i) => n !== first[i]).length).toBeGreaterThan(first.length / 2);
  });

  it('sums the months of a flow; keys a stock or a distinct count by its true value, whatever the period', () => {
    const q1 = { from: '2022-01-01', to: '2022-03-31' };
    const months = ['2022-01', '2022-02', '2022-03'];
    expect(periodNoise('newUsers', '640104', q1, 7)).toBe(months.reduce((n, m) => n + cellNoise('newUsers', '640104', m), 0));
    // the same true value in any period: the same noise, so repeating the question over many periods
    // gives nothing to average (a stock that stays 14 from month to month, a distinct count over
    // periods that start before the data)
    const periods = Array.from({ length: 24 }, (_, i) => ({ from: '2021-01-01', to: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28` }));
    for (const column of ['riskRed', 'registeredUsers', 'employmentAssisted', 'communityOrders'] as const) {
      const noises = new Set(periods.map((p) => periodNoise(column, '640104', p, 14)));
      expect([column, noises.size]).toEqual([column, 1]);
      expect(periodNoise(column, '640104', q1, 14)).toBe(cellNoise(column, '640104', '=14'));
    }
  });

  it('keeps each additive triple within one kind, and perturbs the parts, not the whole', () => {
    expect(BASE_COLUMNS.every((c) => COLUMN_KIND[c])).toBe(true);
    for (const [whole, parts] of DERIVED_WHOLES) {
      expect(parts.map((p) => COLUMN_KIND[p])).toEqual([COLUMN_KIND[whole], COLUMN_KIND[whole]]);
      expect(NOISED_COLUMNS).not.toContain(whole);
    }
  });
});

describe('whole calendar months', () => {
  it.each([
    [{ from: '2023-01-01', to: '2023-12-31' }, true],
    [{ from: '2024-02-01', to: '2024-02-29' }, true],
    [{ from: '2023-02-01', to: '2023-02-28' }, true],
    [{ from: '2023-11-01', to: '2024-01-31' }, true],
    [{ from: '2024-02-01', to: '2024-02-28' }, false],
    [{ from: '2023-01-02', to: '2023-12-31' }, false],
    [{ from: '2023-01-01', to: '2023-04-30' }, true],
    [{ from: '2023-01-01', to: '2023-04-29' }, false],
  ])('%j: %s', (period, whole) => {
    expect(isWholeMonths(period)).toBe(whole);
    if (whole) expect(() => assertWholeMonths(period, 'period')).not.toThrow();
    else {
      let error: unknown;
      try {
        assertWholeMonths(period, 'period');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period', rule: 'WHOLE_MONTHS' });
    }
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsOf({ from: '2023-11-01', to: '2024-02-29' })).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});
