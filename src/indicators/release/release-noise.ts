import { createHmac } from 'node:crypto';
import { auditKeyId, auditMac } from '../../audit/audit-key';
import { badInput } from '../../common/errors';
import { Period } from '../../common/period';
import { ADDITIVE_TRIPLES, BASE_COLUMNS, BaseColumn } from './suppression';

// The keyed noise of released aggregates (docs/RELEASE-RULES.md). Every count of persons released to a
// role without person-level access is a sum of noisy cells of one fixed grid (column, county, month):
// the same cell always carries the same noise, so no two releases can be played against each other to
// take the noise out, and whatever an attacker works out by differencing is at best a noisy cell.

// How a column behaves over time, which decides the grid cells a period's figure is made of:
// - FLOW: events in the period, additive over months (the sum of its months' cells);
// - STOCK: a state at the reference date `to`;
// - DISTINCT: distinct persons or programmes over the period, NOT additive over months (there is no
//   identity between the figures of two different periods).
// Stocks and distinct counts are keyed by their true value (periodNoise), not by a period.
export type ColumnKind = 'FLOW' | 'STOCK' | 'DISTINCT';

export const COLUMN_KIND: Record<BaseColumn, ColumnKind> = {
  suspectsArrested: 'FLOW',
  fugitivesArrested: 'FLOW',
  drugUseDetections: 'FLOW',
  newUsers: 'FLOW', // a person's first-ever detection falls in exactly one month
  compulsoryIsolationAdmissions: 'FLOW',
  communityEnded: 'FLOW',
  communityCompleted: 'FLOW',
  communityEndedNotCompleted: 'FLOW',
  registeredUsers: 'STOCK',
  abstinentThreeYears: 'STOCK',
  currentUsers: 'STOCK',
  absconded: 'STOCK', // absconded and not closed otherwise at `to`
  openCommunityPersons: 'STOCK',
  employedOpenCommunityPersons: 'STOCK',
  openCommunityNotEmployed: 'STOCK',
  riskRed: 'STOCK',
  riskOrange: 'STOCK',
  riskYellow: 'STOCK',
  riskGreen: 'STOCK',
  outflowTraffickers: 'DISTINCT', // COUNT(DISTINCT person) over the period
  employmentAssisted: 'DISTINCT',
  liftedOutOfPoverty: 'DISTINCT',
  communityOrders: 'DISTINCT', // ordered in the period OR open at `to`
  communityOrdersExecuted: 'DISTINCT',
  communityOrdersNotExecuted: 'DISTINCT',
};

// The whole of each additive triple is not perturbed itself: it is the sum of its two noisy parts, so
// whole = part + rest holds in every released row.
export const DERIVED_WHOLES: ReadonlyMap<BaseColumn, readonly [BaseColumn, BaseColumn]> = new Map(
  ADDITIVE_TRIPLES.map(([whole, part, rest]) => [whole, [part, rest] as const]),
);
export const NOISED_COLUMNS: readonly BaseColumn[] = BASE_COLUMNS.filter((c) => !DERIVED_WHOLES.has(c));

// 'YYYY-MM' of every month from `from` to `to`.
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.split('-').map(Number);
  const [ty, tm] = period.to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export const lastDayOfMonth = (day: string): string => {
  const [y, m] = day.split('-').map(Number);
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

export const isWholeMonths = (p: Period) => p.from.endsWith('-01') && p.to === lastDayOfMonth(p.to);

// Periods released to aggregate-only roles are whole calendar months: from the 1st of a month to the
// last day of a month. Anything else would let two periods a few days apart give away those days.
export function assertWholeMonths(period: Period, argument: string): void {
  if (!isWholeMonths(period)) {
    throw badInput(
      `${argument}: this role reads figures of whole calendar months only: from the 1st of a month to the last day of a month (docs/RELEASE-RULES.md)`,
      argument,
      'WHOLE_MONTHS',
    );
  }
}

// The release key: derived from the audit chain's key, which production keeps outside the database
// (src/audit/audit-key.ts), under its own label. Never stored, never logged.
let keyState: { id: string; key: Buffer } | undefined;
const releaseKey = (): Buffer => {
  const id = auditKeyId();
  if (keyState?.id !== id) {
    keyState = { id, key: Buffer.from(auditMac('jindu release noise v1'), 'hex') };
    cache.clear();
  }
  return keyState.key;
};

const NOISE_VALUES = [-2, -1, 1, 2] as const; // never 0, mean 0, bounded
const cache = new Map<string, number>();
const CACHE_LIMIT = 200_000; // bounds memory; an attacker asking for many periods only clears it

// The noise of one cell: HMAC-SHA256(releaseKey, column|county|tag), tag = 'YYYY-MM' for a flow's month,
// '=N' for a stock or distinct count whose true value is N.
export function cellNoise(column: BaseColumn, county: string, tag: string): number {
  const key = releaseKey();
  const message = `${column}|${county}|${tag}`;
  let n = cache.get(message);
  if (n === undefined) {
    n = NOISE_VALUES[createHmac('sha256', key).update(message).digest()[0] & 3];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(message, n);
  }
  return n;
}

// The noise a period's figure of one county carries in a (noised) column, `truth` being that figure.
// A flow is a sum of month cells, each fixed once and for all. A stock or a distinct count has no fixed
// cell of its own: the same true value can be asked for again and again (the stock at the end of every
// month while nothing changes; a distinct count over periods starting before the data), so its noise is
// keyed by the true value itself: equal truths always carry equal noise, and asking many periods gives
// the same released figure again instead of fresh draws to average.
export function periodNoise(column: BaseColumn, county: string, period: Period, truth: number, months = monthsOf(period)): number {
  switch (COLUMN_KIND[column]) {
    case 'FLOW':
      return months.reduce((sum, month) => sum + cellNoise(column, county, month), 0);
    case 'STOCK':
    case 'DISTINCT':
      return cellNoise(column, county, `=${truth}`);
  }
}
