// Everything that completes the persons once their detections, programmes and cases are known: deaths
// (planned numbers, only among users abstinent at the end of 2022), risk assessments, and the person rows
// themselves (ID number, name, birth date through the synthetic generator's personRow).
import { RiskColour } from '../../core/risk-colour';
import { dayOf, isoOf, WORLD_END } from '../calendar';
import { GeneratorContext } from '../context';
import { personRow, PersonDraft } from '../people';
import { Rng } from '../random';
import { sourceKey, SyntheticData } from '../rows';
import { sample } from './allocate';
import { CountyUsersPlan } from './county-plan';
import type { CountyUsers, UserState } from './users';

const END_2022 = dayOf('2022-12-31');
const START_2020 = dayOf('2020-01-01');
const START_2023 = dayOf('2023-01-01');
const FIRST_DEATH = dayOf('2015-01-01');
const DEATHS_2023_SHARE = 0.004;

// Deaths: per county the planned number before 2023, drawn from the users with no detection in 2020-2022
// (abstinent at the end of 2022) whose records are all closed, each dying at least 30 days after their last
// record; then a few deaths in 2023 among everyone whose records allow it.
export function markDeaths(rng: Rng, plan: CountyUsersPlan, county: CountyUsers): void {
  const closed = (u: UserState, until: number) => !u.draft.hasOpenRecord && u.draft.lastActivity + 30 <= until;
  const abstinent = county.users.filter((u) => !u.detections.some((d) => d >= START_2020 && d <= END_2022) && closed(u, END_2022));
  if (abstinent.length < plan.deaths) throw new Error(`calibrated ${plan.code}: only ${abstinent.length} users can die before 2023`);
  for (const u of sample(rng, abstinent, plan.deaths)) {
    u.deceasedDay = rng.dayBetween(Math.max(FIRST_DEATH, u.draft.lastActivity + 30), END_2022);
  }
  const living = county.users.filter((u) => u.deceasedDay === null && closed(u, WORLD_END));
  for (const u of sample(rng, living, Math.round(living.length * DEATHS_2023_SHARE))) {
    u.deceasedDay = rng.dayBetween(Math.max(START_2023, u.draft.lastActivity + 30), WORLD_END);
  }
}

const COLOURS = [RiskColour.GREEN, RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.RED];
const ASSESSED_FROM = dayOf('2018-01-01'); // the "dual four-colour" control began
// Review periods: 1 March to 30 November of 2021, 2022 and 2023.
const REVIEWS = [2021, 2022, 2023].map((year) => [dayOf(`${year}-03-01`), dayOf(`${year}-11-30`)] as const);
const THREE_YEARS = 3 * 365 + 1;

// Risk assessments (双四色): one after each detection from 2018 on, and a yearly review in 2021-2023 of
// every living user detected within the three years before the review. Colours as in people.ts: RED or
// ORANGE soon after a detection, GREEN after years without one.
export function riskAssessments(rng: Rng, ctx: GeneratorContext, u: UserState, out: SyntheticData): void {
  const limit = Math.min(WORLD_END, u.deceasedDay === null ? WORLD_END : u.deceasedDay - 1);
  const days: number[] = [];
  for (const d of u.detections) {
    if (d < ASSESSED_FROM) continue;
    const day = d + rng.int(3, 30);
    if (day <= limit) days.push(day);
  }
  for (const [from, to] of REVIEWS) {
    const day = rng.dayBetween(from, to);
    const last = lastBefore(u.detections, day);
    if (day <= limit && last !== null && day - last <= THREE_YEARS) days.push(day);
  }
  days.sort((a, b) => a - b);
  for (const day of days) {
    const since = day - (lastBefore(u.detections, day) as number);
    let level: number;
    if (since < 180) level = rng.chance(0.6) ? 3 : 2;
    else if (since < 540) level = rng.chance(0.5) ? 2 : 1;
    else if (since < 1095) level = rng.chance(0.5) ? 1 : 0;
    else level = rng.chance(0.9) ? 0 : 1;
    const control = Math.min(3, level + (rng.chance(0.2) ? 1 : 0));
    const id = ctx.nextId('riskAssessment');
    out.riskAssessment.push({
      id,
      sourceKey: sourceKey('riskAssessment', id),
      districtCode: u.draft.residenceCode,
      personId: u.draft.id,
      assessedAt: isoOf(day),
      riskColour: COLOURS[level],
      controlColour: COLOURS[control],
    });
  }
}

function lastBefore(days: readonly number[], day: number): number | null {
  let last: number | null = null;
  for (const d of days) if (d <= day) last = d;
  return last;
}

// The person row through the synthetic generator (valid, unique ID number for the household code and a
// birth date 16-70 years before the first record), with the planned date of death instead of its random one.
export function personRows(rng: Rng, ctx: GeneratorContext, persons: ReadonlyArray<{ draft: PersonDraft; deceasedDay: number | null }>, out: SyntheticData): void {
  for (const { draft, deceasedDay } of [...persons].sort((a, b) => a.draft.id - b.draft.id)) {
    const open = draft.hasOpenRecord;
    draft.hasOpenRecord = true; // personRow draws no death for persons with open records
    personRow(rng, ctx, draft, out);
    draft.hasOpenRecord = open;
    out.person[out.person.length - 1].deceasedAt = deceasedDay === null ? null : isoOf(deceasedDay);
  }
}
