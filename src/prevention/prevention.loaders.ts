import { requestScoped } from '../core/context';
import { DataSource } from 'typeorm';
import { Period } from '../common/period';
import { DistrictTree } from '../core/district-tree';
import { EducationBase } from './education-base.entity';
import { PreventionIndicators } from './prevention-indicators.type';

// Sums per district as stored (the district a record names), for one period.
interface Sums {
  bases: number;
  events: number;
  participants: number;
  sessions: number;
  students: number;
  quizTaken: number;
  quizPassed: number;
}

// The fewest quiz takers a district's awareness rate is shown for.
const MIN_QUIZ_TAKERS = 10;

const zero = (): Sums => ({ bases: 0, events: 0, participants: 0, sessions: 0, students: 0, quizTaken: 0, quizPassed: 0 });
const num = (v: unknown) => Number(v ?? 0);
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

// One grouped statement per period, whatever the number of districts asked for: each table's sums by
// district, tagged with the table they come from.
const SUMS_SQL = [
  "SELECT 'b' AS k, district_code AS d, COUNT(*) AS n, 0 AS s, 0 AS t, 0 AS p FROM education_base WHERE opened_at <= ? AND (closed_at IS NULL OR closed_at > ?) GROUP BY district_code",
  "SELECT 'e', district_code, COUNT(*), SUM(participants), 0, 0 FROM publicity_event WHERE held_at BETWEEN ? AND ? GROUP BY district_code",
  "SELECT 's', district_code, COUNT(*), SUM(students), SUM(quiz_taken), SUM(quiz_passed) FROM school_session WHERE held_at BETWEEN ? AND ? GROUP BY district_code",
].join(' UNION ALL ');

async function sumsByDistrict(ds: DataSource, period: Period): Promise<Map<string, Sums>> {
  const rows: Array<{ k: string; d: string; n: unknown; s: unknown; t: unknown; p: unknown }> = await ds.query(SUMS_SQL, [
    period.to, period.to, period.from, period.to, period.from, period.to,
  ]);
  const out = new Map<string, Sums>();
  for (const r of rows) {
    const sums = out.get(r.d) ?? out.set(r.d, zero()).get(r.d)!;
    if (r.k === 'b') sums.bases += num(r.n);
    else if (r.k === 'e') Object.assign(sums, { events: sums.events + num(r.n), participants: sums.participants + num(r.s) });
    else Object.assign(sums, { sessions: sums.sessions + num(r.n), students: sums.students + num(r.s), quizTaken: sums.quizTaken + num(r.t), quizPassed: sums.quizPassed + num(r.p) });
  }
  return out;
}

// A district's figures: its own records and those of every district below it.
function rollUp(tree: DistrictTree, sums: Map<string, Sums>, code: string): PreventionIndicators {
  const total = zero();
  for (const c of tree.descendantCodes(code)) {
    const s = sums.get(c);
    if (!s) continue;
    for (const k of Object.keys(total) as (keyof Sums)[]) total[k] += s[k];
  }
  const population = tree.get(code)?.population ?? null;
  return {
    educationBases: total.bases,
    publicityEvents: total.events,
    publicityParticipants: total.participants,
    publicityEventsPer10kResidents: population ? round((total.events * 10000) / population, 2) : null,
    participantsPer10kResidents: population ? round((total.participants * 10000) / population, 1) : null,
    schoolSessions: total.sessions,
    studentsReached: total.students,
    // a share of a handful of quiz takers would tell their results: null below MIN_QUIZ_TAKERS
    studentAwarenessRate: total.quizTaken >= MIN_QUIZ_TAKERS ? round(total.quizPassed / total.quizTaken, 4) : null,
  };
}

// Loaders of this department, one set per request (keyed by the request's context object).
export class PreventionLoaders {
  private readonly byPeriod = new Map<string, Promise<Map<string, Sums>>>();
  private bases: Promise<EducationBase[]> | undefined;

  constructor(private readonly ds: DataSource, private readonly tree: DistrictTree) {}

  async indicators(code: string, period: Period): Promise<PreventionIndicators> {
    const key = `${period.from}|${period.to}`;
    let sums = this.byPeriod.get(key);
    if (!sums) {
      sums = sumsByDistrict(this.ds, period);
      this.byPeriod.set(key, sums);
    }
    return rollUp(this.tree, await sums, code);
  }

  // Every base of the province in one statement per request (tens of rows), filtered in memory.
  async educationBases(codes: string[]): Promise<EducationBase[]> {
    this.bases ??= this.ds.getRepository(EducationBase).find({ order: { id: 'ASC' } });
    const wanted = new Set(codes);
    return (await this.bases).filter((b) => wanted.has(b.districtCode));
  }
}

export const preventionLoaders = requestScoped(function preventionLoaders(ctx) {
  return new PreventionLoaders(ctx.ds, ctx.tree);
});
