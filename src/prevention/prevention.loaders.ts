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

const zero = (): Sums => ({ bases: 0, events: 0, participants: 0, sessions: 0, students: 0, quizTaken: 0, quizPassed: 0 });
const num = (v: unknown) => Number(v ?? 0);
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

// Three grouped statements per period, whatever the number of districts asked for.
async function sumsByDistrict(ds: DataSource, period: Period): Promise<Map<string, Sums>> {
  const [bases, events, sessions] = await Promise.all([
    ds.query('SELECT district_code AS d, COUNT(*) AS n FROM education_base WHERE opened_at <= ? AND (closed_at IS NULL OR closed_at > ?) GROUP BY district_code', [period.to, period.to]),
    ds.query('SELECT district_code AS d, COUNT(*) AS n, SUM(participants) AS p FROM publicity_event WHERE held_at BETWEEN ? AND ? GROUP BY district_code', [period.from, period.to]),
    ds.query(
      'SELECT district_code AS d, COUNT(*) AS n, SUM(students) AS s, SUM(quiz_taken) AS t, SUM(quiz_passed) AS p FROM school_session WHERE held_at BETWEEN ? AND ? GROUP BY district_code',
      [period.from, period.to],
    ),
  ]);
  const out = new Map<string, Sums>();
  const at = (code: string) => out.get(code) ?? out.set(code, zero()).get(code)!;
  for (const r of bases) at(r.d).bases += num(r.n);
  for (const r of events) Object.assign(at(r.d), { events: at(r.d).events + num(r.n), participants: at(r.d).participants + num(r.p) });
  for (const r of sessions) {
    const s = at(r.d);
    s.sessions += num(r.n);
    s.students += num(r.s);
    s.quizTaken += num(r.t);
    s.quizPassed += num(r.p);
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
    studentAwarenessRate: total.quizTaken > 0 ? round(total.quizPassed / total.quizTaken, 4) : null,
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
