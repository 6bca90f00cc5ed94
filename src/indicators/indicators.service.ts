import { readQuery } from '../common/read-replica';
import { DataSource } from 'typeorm';
import { domainError } from '../common/errors';
import { Period } from '../common/period';
import { currentRecord } from '../ops/request-context';
import { SPC2016_TABLE } from '../reference/heroin-equivalent-spc2016';
import { departmentModules, IndicatorSource } from '../core/department-module';
import { employedIndicators, personIndicators } from './cross-department.indicators';
import { DistrictTree } from '../core/district-tree';
import { DistrictIndicators } from './district-indicators.type';
import { addSums, emptySums, IndicatorSums, mergeSums, SumsByCode } from '../core/indicator-sums';
import { RISK_FIELDS } from '../core/risk-colour';
import { assistanceFromEventDays, ledgerIndicators } from './summary/summary.read';
import { isSummaryStale } from './summary/summary.store';

// The province's indicators for every district of the tree from a constant number of grouped
// statements, whatever the number of districts or rows. Each department returns sums by the raw
// district code of its rows; those are rolled up the tree in memory, and rates are derived from the
// rolled-up sums. The figures that are stocks at the reference date (registered / abstinent users,
// risk colours, open community programmes and persons, employed, absconded), the flows newUsers,
// admissions and ended / completed community programmes come from the indicator ledger (summary/), and
// the distinct assisted / lifted persons from person_event_day, both kept up to date by every write;
// the rest from the rows dated in the period: SUMMARY_STATEMENTS in all. While the ledger is stale (a fresh migration on old data, a bulk
// seed in progress) the reference definition is used instead: REFERENCE_STATEMENTS, exact but slower.
export const SUMMARY_STATEMENTS = 11; // state 1, ledger 1, person event days 1, public security 6, justice 2
export const REFERENCE_STATEMENTS = 12; // public security 7, persons 1, justice 2, employment 2

// One computation issues its statements side by side. A handful of computations at once would fill
// the connection pool and its statement queue (DB_QUEUE_LIMIT), and statements past the queue fail at
// once: under 10 concurrent dashboard requests nearly every answer was SERVICE_UNAVAILABLE, while the
// database kept working on statements of requests that had already failed (npm run bench, workload 3).
// So at most COMPUTATIONS_AT_ONCE run at a time in this process and the next ones wait their turn in
// arrival order. A request that has ended meanwhile (request time limit, client gone) gives its turn
// away without computing, so that the database works only for answers someone still waits for.
// MAX_WAITING only bounds memory. Nothing is shared between requests: each gets its own computation.
export const COMPUTATIONS_AT_ONCE = 2;
export const MAX_WAITING = 500;
const limits = { atOnce: COMPUTATIONS_AT_ONCE, maxWaiting: MAX_WAITING };
let running = 0;
const waiting: Array<() => void> = [];

// Other limits (tests, or the benchmark's baselines, which keep their unlimited behaviour).
/** @public used by the benchmark's baseline servers, which load it from dist/ */
export function configureIndicatorComputations(options: { atOnce?: number; maxWaiting?: number }): void {
  limits.atOnce = options.atOnce ?? COMPUTATIONS_AT_ONCE;
  limits.maxWaiting = options.maxWaiting ?? MAX_WAITING;
}

const busy = () => domainError('SERVICE_UNAVAILABLE', 'Too many indicator computations are waiting; try again shortly');

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const request = currentRecord(); // undefined outside an HTTP request (tests, CLI, exports)
  if (running < limits.atOnce) running++;
  else if (waiting.length >= limits.maxWaiting) throw busy();
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing computation hands its turn over
  try {
    if (request?.finished) throw busy(); // answered already (time limit) or abandoned: nobody reads it
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

// Sums per district of the tree: its own rows plus those of all its descendants. Codes that are not in
// the tree (e.g. persons resident outside Ningxia) are ignored.
export function computeIndicatorSums(
  ds: DataSource,
  tree: DistrictTree,
  period: Period,
  heroinEquivalentTable = SPC2016_TABLE,
): Promise<Map<string, IndicatorSums>> {
  return inTurn(async () => {
    // plain reads: a replica may answer (docs/READ-REPLICAS.md)
    const parts = (await isSummaryStale({ query: (sql: string, params?: unknown[]) => readQuery(ds, sql, params) }))
      ? await referenceParts(ds, period, heroinEquivalentTable)
      : await summaryParts(ds, period, heroinEquivalentTable, tree.all().map((d) => d.code));
    return rollUp(tree, mergeSums(parts));
  });
}

// The reference definition: every figure computed from the department tables (12 statements).
export function referenceParts(ds: DataSource, period: Period, heroinEquivalentTable = SPC2016_TABLE): Promise<SumsByCode[]> {
  return Promise.all([
    ...indicatorSources().map((source) => source.reference(ds, period, heroinEquivalentTable)),
    personIndicators(ds, period),
    employedIndicators(ds, period),
  ]);
}

// Stocks and newUsers from the ledger, the rest from the rows of the period (10 statements); `codes`:
// the districts of the tree (rows of other districts would be ignored by rollUp anyway).
export function summaryParts(ds: DataSource, period: Period, heroinEquivalentTable: string, codes: readonly string[]): Promise<SumsByCode[]> {
  return Promise.all([
    ledgerIndicators(ds, period),
    ...indicatorSources().map((source) => source.period(ds, period, heroinEquivalentTable, codes)),
    assistanceFromEventDays(ds, period),
  ]);
}

// The departments registered at the composition root that supply district figures.
function indicatorSources(): IndicatorSource[] {
  return departmentModules().flatMap((m) => (m.indicators ? [m.indicators] : []));
}

export function rollUp(tree: DistrictTree, own: Map<string, IndicatorSums>): Map<string, IndicatorSums> {
  const out = new Map<string, IndicatorSums>();
  for (const d of tree.all()) out.set(d.code, emptySums());
  for (const [code, sums] of own) {
    if (!tree.get(code)) continue;
    for (const ancestor of tree.ancestorCodes(code)) addSums(out.get(ancestor) as IndicatorSums, sums);
  }
  return out;
}

// numerator / denominator, or null when the denominator is 0 (never 0 or NaN).
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function deriveIndicators(sums: IndicatorSums, period: Period, heroinEquivalentTable: string): DistrictIndicators {
  const s = sums;
  // An object literal of the class's type: the compiler checks that every field is set, and no other.
  const figures: DistrictIndicators = {
    from: period.from,
    to: period.to,
    heroinEquivalentTable,
    casesFiled: s.casesFiled,
    casesSolved: s.casesSolved,
    targetCasesSolved: s.targetCasesSolved,
    suspectsArrested: s.suspectsArrested,
    fugitivesArrested: s.fugitivesArrested,
    manufacturingSitesDestroyed: s.manufacturingSitesDestroyed,
    seizedHeroinEquivalentKg: roundMass(s.seizedHeroinEquivalentKg),
    precursorSeizedKg: roundMass(s.precursorSeizedKg),
    outflowTraffickers: s.outflowTraffickers,
    drugUseDetections: s.drugUseDetections,
    newUsers: s.newUsers,
    registeredUsers: s.registeredUsers,
    newUserRate: ratio(s.newUsers, s.registeredUsers),
    abstinentThreeYears: s.abstinentThreeYears,
    currentUsers: s.registeredUsers - s.abstinentThreeYears,
    abstinenceConsolidationRate: ratio(s.abstinentThreeYears, s.registeredUsers),
    compulsoryIsolationAdmissions: s.compulsoryIsolationAdmissions,
    communityOrders: s.communityOrders,
    communityExecutionRate: ratio(s.communityOrdersExecuted, s.communityOrders),
    communityConsolidationRate: ratio(s.communityCompleted, s.communityEnded),
    absconded: s.absconded,
    usersPerCaseworker: ratio(s.openCommunityPersons, s.caseworkers),
    employmentAssisted: s.employmentAssisted,
    employedShare: ratio(s.employedOpenCommunityPersons, s.openCommunityPersons),
    liftedOutOfPoverty: s.liftedOutOfPoverty,
    riskDistribution: RISK_FIELDS.map(([colour, field]) => ({ colour, persons: s[field] })),
    precursorPermits: s.precursorPermits,
    precursorPermittedTonnes: Math.round(s.precursorPermittedTonnes * 1e6) / 1e6, // to the gram
  };
  return Object.assign(new DistrictIndicators(), figures);
}

// Indicators for every district in the tree, keyed by district code.
export async function computeIndicators(
  ds: DataSource,
  tree: DistrictTree,
  period: Period,
  heroinEquivalentTable = SPC2016_TABLE,
): Promise<Map<string, DistrictIndicators>> {
  const sums = await computeIndicatorSums(ds, tree, period, heroinEquivalentTable);
  const out = new Map<string, DistrictIndicators>();
  for (const [code, s] of sums) out.set(code, deriveIndicators(s, period, heroinEquivalentTable));
  return out;
}

// Masses are summed in floating point; report them to the gram (kg with 3 decimals), like the sources.
function roundMass(value: number): number {
  return Math.round(value * 1000) / 1000;
}
