// A person's contribution to the ledger metrics, worked out from that person's records alone.
// Each metric is a count at a reference date R, and is evaluated here EXACTLY as the reference SQL
// defines it (src/indicators/cross-department.indicators.ts, public-security riskIndicators, justice
// programmeIndicators, employment employedIndicators), at every day on which any of the person's
// figures can change; the differences between consecutive days become +/- entries of the ledger.
// value(R) = sum of the entries with day <= R. Days are 'YYYY-MM-DD' strings (they compare as text).
// The facts are supplied by the departments (src/core/ledger-facts.ts, DepartmentModule.ledgerFacts).
import { minusYears } from '../../common/period';
import { LedgerFacts, LedgerProgramme } from '../../core/ledger-facts';
import { RiskColour } from '../../core/risk-colour';

// Ledger metric codes (indicator_day_total.metric).
export const METRIC = {
  firstDetected: 'FD', // persons whose first detection is <= R (newUsers = FD(to) - FD(from - 1))
  registered: 'REG', // registeredUsers
  abstinent: 'ABS', // abstinentThreeYears
  riskRed: 'RR',
  riskOrange: 'RO',
  riskYellow: 'RY',
  riskGreen: 'RG',
  openPersons: 'OCP', // openCommunityPersons (district of the rank-1 open community programme)
  employedOpen: 'EMP', // employedOpenCommunityPersons
  absconded: 'ABSC', // absconded programmes not closed otherwise at R
  openProgrammes: 'OP', // community programmes open at R (part of communityOrders)
  openExecuted: 'OPX', // of those, reported (executed) on or before R (part of communityOrdersExecuted)
  // flows, read as value(to) - value(from - 1) like firstDetected
  admitted: 'CIA', // COMPULSORY_ISOLATION programmes reported on or before R (compulsoryIsolationAdmissions)
  communityEnded: 'CE', // community programmes ended on or before R (communityEnded)
  communityCompleted: 'CC', // of those, COMPLETED (communityCompleted)
} as const;

const RISK_METRIC = new Map<string, string>([
  [RiskColour.RED, METRIC.riskRed],
  [RiskColour.ORANGE, METRIC.riskOrange],
  [RiskColour.YELLOW, METRIC.riskYellow],
  [RiskColour.GREEN, METRIC.riskGreen],
]);
// The records of one person that the ledger metrics read.
export interface PersonFacts extends LedgerFacts {
  id: number;
  residence: string;
  deceasedAt: string | null;
}

export const EVENT = { assisted: 'EA', lifted: 'LP' } as const;

// The person's rows of person_event_day (employment.indicators.ts assistanceIndicators: distinct persons
// with an assistance started in the period / lifted out of poverty in the period, by residence).
export function eventDaysOf(p: PersonFacts): Array<{ figure: string; day: string; district: string }> {
  return [
    ...[...new Set(p.assistanceStarts)].map((day) => ({ figure: EVENT.assisted, day, district: p.residence })),
    ...[...new Set(p.liftedDays)].map((day) => ({ figure: EVENT.lifted, day, district: p.residence })),
  ];
}

export interface Entry {
  metric: string;
  district: string;
  day: string;
  delta: number;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days)); // years 1000-9999 only (dates of records)
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

// The last R whose window [minusYears(R, 3), R] still contains `day` (minusYears never decreases).
export function lastDayInWindow(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + 3, m, 0)).getUTCDate();
  let r = `${String(y + 3).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  while (minusYears(addDays(r, 1), 3) <= day) r = addDays(r, 1);
  return r;
}

const alive = (p: PersonFacts, r: string) => p.deceasedAt === null || p.deceasedAt > r;
const openAt = (pr: LedgerProgramme, r: string) => pr.orderedAt <= r && (pr.endedAt === null || pr.endedAt > r);

type Add = (metric: string, district: string) => void;

// Person figures at R by residence (person.indicators.ts).
function userState(p: PersonFacts, r: string, add: Add): void {
  let first: string | null = null;
  let last: string | null = null;
  for (const d of p.detections) {
    if (d > r) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  if (first === null) return;
  add(METRIC.firstDetected, p.residence);
  if (!alive(p, r)) return;
  add(METRIC.registered, p.residence);
  const cutoff = minusYears(r, 3);
  if ((last as string) < cutoff && !p.positiveChecks.some((c) => c >= cutoff && c <= r)) add(METRIC.abstinent, p.residence);
}

// Risk colour of the latest assessment on or before R (ties: highest id), living persons, by residence.
function riskState(p: PersonFacts, r: string, add: Add): void {
  if (!alive(p, r)) return;
  let latest: PersonFacts['risks'][number] | null = null;
  for (const a of p.risks) {
    if (a.assessedAt > r) continue;
    if (!latest || a.assessedAt > latest.assessedAt || (a.assessedAt === latest.assessedAt && a.id > latest.id)) latest = a;
  }
  const metric = latest ? RISK_METRIC.get(latest.colour) : undefined;
  if (metric) add(metric, p.residence);
}

// Justice figures by the programme's district (justice.indicators.ts, employment.indicators.ts).
function programmeState(p: PersonFacts, r: string, add: Add): void {
  let rankOne: LedgerProgramme | null = null;
  for (const pr of p.programmes) {
    if (pr.form === 'ISOLATION' && pr.reportedAt !== null && pr.reportedAt <= r) add(METRIC.admitted, pr.districtCode);
    if (pr.form !== 'COMMUNITY') continue;
    if (pr.endedAt !== null && pr.endedAt <= r) {
      add(METRIC.communityEnded, pr.districtCode);
      if (pr.completed) add(METRIC.communityCompleted, pr.districtCode);
    }
    if (openAt(pr, r)) {
      add(METRIC.openProgrammes, pr.districtCode);
      if (pr.reportedAt !== null && pr.reportedAt <= r) add(METRIC.openExecuted, pr.districtCode);
      if (!rankOne || pr.orderedAt > rankOne.orderedAt || (pr.orderedAt === rankOne.orderedAt && pr.id > rankOne.id)) rankOne = pr;
    }
    if (pr.absconded && pr.endedAt !== null && pr.endedAt <= r) {
      const ended = pr.endedAt;
      if (!p.programmes.some((later) => later.orderedAt > ended && later.orderedAt <= r)) add(METRIC.absconded, pr.districtCode);
    }
  }
  if (rankOne) {
    add(METRIC.openPersons, rankOne.districtCode);
    if (p.employments.some((e) => e.startedAt <= r && (e.endedAt === null || e.endedAt > r))) add(METRIC.employedOpen, rankOne.districtCode);
  }
}

// The three groups of figures and the days on which each can change: every date its records read,
// the day after a detection or positive check leaves the three-year window, and the death.
const GROUPS: ReadonlyArray<{ state: (p: PersonFacts, r: string, add: Add) => void; days: (p: PersonFacts, out: Set<string>) => void }> = [
  {
    state: userState,
    days: (p, out) => {
      for (const d of [...p.detections, ...p.positiveChecks]) {
        out.add(d);
        out.add(addDays(lastDayInWindow(d), 1));
      }
      if (p.deceasedAt !== null && p.detections.length) out.add(p.deceasedAt);
    },
  },
  {
    state: riskState,
    days: (p, out) => {
      for (const a of p.risks) out.add(a.assessedAt);
      if (p.deceasedAt !== null && p.risks.length) out.add(p.deceasedAt);
    },
  },
  {
    state: programmeState,
    days: (p, out) => {
      if (!p.programmes.length) return;
      for (const pr of p.programmes) {
        out.add(pr.orderedAt);
        if (pr.endedAt !== null) out.add(pr.endedAt);
        if (pr.reportedAt !== null) out.add(pr.reportedAt);
      }
      for (const e of p.employments) {
        out.add(e.startedAt);
        if (e.endedAt !== null) out.add(e.endedAt);
      }
    },
  },
];

function countInto(out: Map<string, number>): Add {
  return (metric, district) => {
    const key = `${metric},${district}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  };
}

// The person's ledger entries: for each group, at each of its change days, the difference to the
// state of the day before. Every state is empty before the person's first record.
export function contributionsOf(p: PersonFacts): Entry[] {
  const entries: Entry[] = [];
  for (const g of GROUPS) {
    const days = new Set<string>();
    g.days(p, days);
    let previous = new Map<string, number>();
    for (const day of [...days].sort()) {
      const next = new Map<string, number>();
      g.state(p, day, countInto(next));
      for (const key of new Set([...previous.keys(), ...next.keys()])) {
        const delta = (next.get(key) ?? 0) - (previous.get(key) ?? 0);
        if (delta === 0) continue;
        const [metric, district] = key.split(',');
        entries.push({ metric, district, day, delta });
      }
      previous = next;
    }
  }
  return entries;
}

export function encodeEntries(entries: Entry[]): string {
  return entries.map((e) => `${e.metric},${e.district},${e.day},${e.delta}`).join(';');
}

export function decodeEntries(text: string): Entry[] {
  if (!text) return [];
  return text.split(';').map((part) => {
    const [metric, district, day, delta] = part.split(',');
    return { metric, district, day, delta: Number(delta) };
  });
}
