// Persons: where they live, their identity (ID number, name) and, for drug users, the chain of
// detections, rehabilitation programmes, follow-up checks, risk assessments and employment help.
import { Gender } from '../core/person.entity';
import { Substance } from '../common/substance';
import { DetectionMethod, Disposition } from '../public-security/public-security.enums';
import { RiskColour } from '../core/risk-colour';
import { addYears, dayOf, dayOfYearEnd, dayOfYearStart, isoOf, WORLD_END } from './calendar';
import { GeneratorContext } from './context';
import { COUNTY_TABLE, OUTSIDE_COUNTY_CODES } from './geography';
import { personName } from './names';
import { Rng, WeightedTable } from './random';
import { sourceKey, SyntheticData } from './rows';
import { ProgrammeDraft, programmesForDetection } from './programmes';

export interface PersonDraft {
  id: number;
  male: boolean;
  householdCode: string;
  residenceCode: string;
  user: boolean;
  firstEvent: number; // day of the first record about the person (Infinity until known)
  lastActivity: number; // day of the last record about the person
  hasOpenRecord: boolean; // an open programme or assistance: never marked deceased
  programmes: ProgrammeDraft[];
}

export function draftPerson(rng: Rng, id: number, user: boolean): PersonDraft {
  const outside = !user && rng.chance(0.05);
  let householdCode: string;
  let residenceCode: string;
  if (outside) {
    householdCode = residenceCode = rng.pick(OUTSIDE_COUNTY_CODES);
  } else {
    householdCode = COUNTY_TABLE.draw(rng).code;
    residenceCode = householdCode;
    if (rng.chance(0.1)) {
      do residenceCode = COUNTY_TABLE.draw(rng).code;
      while (residenceCode === householdCode);
    }
  }
  return {
    id,
    male: rng.chance(user ? 0.85 : 0.88),
    householdCode,
    residenceCode,
    user,
    firstEvent: Infinity,
    lastActivity: -Infinity,
    hasOpenRecord: false,
    programmes: [],
  };
}

// New users decline year by year: 2017 is about 10x 2022 (published: -91 %).
const FIRST_DETECTION_YEAR = new WeightedTable<number>([
  [2015, 30], [2016, 24], [2017, 15], [2018, 9], [2019, 5.5], [2020, 3.5], [2021, 2.2], [2022, 1.5], [2023, 0.8],
]);
const DETECTIONS_PER_USER = new WeightedTable<number>([[1, 58], [2, 27], [3, 10], [4, 5]]);
const METHODS = new WeightedTable<DetectionMethod>([
  [DetectionMethod.URINE, 88], [DetectionMethod.HAIR, 9], [DetectionMethod.BLOOD, 3],
]);
const FIRST_DISPOSITION = new WeightedTable<Disposition>([
  [Disposition.COMMUNITY_DETOX_ORDER, 64], [Disposition.COMPULSORY_ISOLATION_ORDER, 18], [Disposition.ADMINISTRATIVE_DETENTION, 18],
]);
// A relapse during community detox is, by law, ground for compulsory isolation.
const RELAPSE_DISPOSITION = new WeightedTable<Disposition>([
  [Disposition.COMMUNITY_DETOX_ORDER, 48], [Disposition.COMPULSORY_ISOLATION_ORDER, 42], [Disposition.ADMINISTRATIVE_DETENTION, 10],
]);

// Relapses come within a few years of the first detection; after that a user stays abstinent.
const RELAPSE_WINDOW_DAYS = 3.5 * 365;

function substanceFor(rng: Rng, day: number): Substance {
  const shift = Math.max(0, Number(isoOf(day).slice(0, 4)) - 2015);
  return rng.weighted<Substance>([
    [Substance.METHAMPHETAMINE, 50 + 3 * shift],
    [Substance.HEROIN, 34 - 3 * shift],
    [Substance.KETAMINE, 8],
    [Substance.MDMA, 2],
    [Substance.TRAMADOL, 1.5],
    [Substance.METHADONE, 1],
    [Substance.CANNABIS, 1],
    [Substance.OTHER, 1],
  ]);
}

// Detections (1-4, relapses after each programme), with the programmes and checks that follow them.
export function userHistory(rng: Rng, ctx: GeneratorContext, p: PersonDraft, out: SyntheticData): number[] {
  const year = FIRST_DETECTION_YEAR.draw(rng);
  let day = rng.dayBetween(dayOfYearStart(year), dayOfYearEnd(year));
  const maxDetections = DETECTIONS_PER_USER.draw(rng);
  const detections: number[] = [];
  let substance = substanceFor(rng, day);
  for (let i = 0; i < maxDetections; i++) {
    detections.push(day);
    if (i > 0 && rng.chance(0.2)) substance = substanceFor(rng, day);
    const disposition = (i === 0 ? FIRST_DISPOSITION : RELAPSE_DISPOSITION).draw(rng);
    const id = ctx.nextId('drugUseDetection');
    out.drugUseDetection.push({
      id,
      sourceKey: sourceKey('drugUseDetection', id),
      districtCode: p.residenceCode,
      personId: p.id,
      detectedAt: isoOf(day),
      substance,
      method: METHODS.draw(rng),
      disposition,
    });
    const { earliestNext, drafts } = programmesForDetection(rng, ctx, p, day, disposition);
    // Relapses mostly come within a year or two of release; Infinity once a programme is still open.
    const next = i + 1 < maxDetections ? earliestNext + 20 + Math.floor(rng.exponential(240)) : Infinity;
    const cutoff = next <= WORLD_END && next - detections[0] <= RELAPSE_WINDOW_DAYS ? next : Infinity;
    for (const draft of drafts) draft.finish(rng, ctx, cutoff, out);
    p.programmes.push(...drafts);
    if (cutoff === Infinity) break;
    day = cutoff;
  }
  p.firstEvent = Math.min(p.firstEvent, detections[0]);
  p.lastActivity = Math.max(p.lastActivity, detections[detections.length - 1]);
  for (const draft of p.programmes) {
    if (draft.row.endedAt === null) p.hasOpenRecord = true;
    else p.lastActivity = Math.max(p.lastActivity, draft.endDay);
  }
  riskAssessments(rng, ctx, p, detections, out);
  return detections;
}

const ASSESSMENTS = new WeightedTable<number>([[1, 30], [2, 30], [3, 25], [4, 15]]);
const RECENT_FROM = dayOf('2022-01-01');
const COLOURS = [RiskColour.GREEN, RiskColour.YELLOW, RiskColour.ORANGE, RiskColour.RED];

// Colours trend towards GREEN as time since the last detection grows; RED/ORANGE near detections.
// The first assessment follows the first detection; users known before 2022 are reassessed at least
// once, the latest reassessment falling in 2021-2023.
function riskAssessments(rng: Rng, ctx: GeneratorContext, p: PersonDraft, detections: number[], out: SyntheticData): void {
  const first = Math.min(WORLD_END, detections[0] + rng.int(3, 30));
  const n = first < RECENT_FROM ? Math.max(2, ASSESSMENTS.draw(rng)) : ASSESSMENTS.draw(rng);
  const days = [first];
  if (n >= 2 && first + 60 <= WORLD_END) {
    for (let i = 2; i < n; i++) days.push(rng.dayBetween(first + 60, WORLD_END));
    days.push(rng.dayBetween(Math.max(first + 60, RECENT_FROM - 365), WORLD_END));
  }
  days.sort((a, b) => a - b);
  for (const day of days) {
    let last = detections[0];
    for (const d of detections) if (d <= day) last = d;
    const since = day - last;
    let level: number; // index into COLOURS, 3 = RED
    if (since < 180) level = rng.chance(0.6) ? 3 : 2;
    else if (since < 540) level = rng.chance(0.5) ? 2 : 1;
    else if (since < 1095) level = rng.chance(0.5) ? 1 : 0;
    else level = rng.chance(0.9) ? 0 : 1;
    const control = Math.min(3, level + (rng.chance(0.2) ? 1 : 0));
    const id = ctx.nextId('riskAssessment');
    out.riskAssessment.push({
      id,
      sourceKey: sourceKey('riskAssessment', id),
      districtCode: p.residenceCode,
      personId: p.id,
      assessedAt: isoOf(day),
      riskColour: COLOURS[level],
      controlColour: COLOURS[control],
    });
  }
  p.lastActivity = Math.max(p.lastActivity, days[days.length - 1]);
}

// Age at the first event: 16 to 70, most between 20 and 49.
const AGE_BANDS = new WeightedTable<readonly [number, number]>([
  [[16, 19], 6], [[20, 29], 30], [[30, 39], 32], [[40, 49], 20], [[50, 59], 9], [[60, 70], 3],
]);

// The person row, once the first event is known: birth date for an age of 16-70 at the first event,
// a unique valid ID number with the household code, a name, and for about 1 % a date of death.
export function personRow(rng: Rng, ctx: GeneratorContext, p: PersonDraft, out: SyntheticData): void {
  const firstEvent = Number.isFinite(p.firstEvent) ? p.firstEvent : WORLD_END;
  const [lo, hi] = AGE_BANDS.draw(rng);
  const birthDay = addYears(firstEvent, -rng.int(lo, hi)) - rng.int(0, 364);
  const idNumber = ctx.idNumber(rng, p.householdCode, birthDay, p.male);
  let deceasedAt: string | null = null;
  const lastActivity = Number.isFinite(p.lastActivity) ? p.lastActivity : firstEvent;
  if (!p.hasOpenRecord && lastActivity + 30 <= WORLD_END && rng.chance(0.012)) {
    deceasedAt = isoOf(rng.dayBetween(lastActivity + 30, WORLD_END));
  }
  out.person.push({
    id: p.id,
    idNumber,
    name: personName(rng, p.male),
    gender: p.male ? Gender.MALE : Gender.FEMALE,
    birthDate: isoOf(birthDay),
    residenceDistrictCode: p.residenceCode,
    householdDistrictCode: p.householdCode,
    deceasedAt,
  });
}
