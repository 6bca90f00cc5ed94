// Drug users of one county, year by year from 2015 to 2023, with exact quotas: new users of each year,
// distinct persons detected, detections (person-times) and compulsory isolation orders. Who is detected
// is drawn from the persons free at the time (never during a compulsory isolation term), and in three
// years the draw is steered so that a stock figure comes out as planned:
// - 2017: persons active in 2015-2017 (current users at the end of 2017, soft target);
// - 2021: persons active in 2020-2021;
// - 2022: persons active in 2020-2022 = current users of 2022 (exact).
// Each detection is followed by the existing generator's programmes (programmes.ts), which are finished
// when the next detection is known, exactly as people.ts does. Detections fall between 5 January and
// 15 December, so that a compulsory isolation order is reported in the year of its detection and the
// positive check that precedes a relapse stays in the year of that relapse.
import { Substance } from '../../common/substance';
import { DetectionMethod, Disposition } from '../../public-security/public-security.enums';
import { dayOf, isoOf } from '../calendar';
import { GeneratorContext } from '../context';
import { COUNTY_TABLE } from '../geography';
import type { PersonDraft } from '../people';
import { ProgrammeDraft, programmesForDetection } from '../programmes';
import { Rng, WeightedTable } from '../random';
import { sourceKey, SyntheticData } from '../rows';
import { sample, spacedDays } from './allocate';
import { compulsoryFor, CountyUsersPlan, detectionsFor } from './county-plan';
import { RECENT_SHARE, YEARS, yearIndex } from './ningxia-2022.plan';

export interface UserState {
  draft: PersonDraft;
  detections: number[]; // days, ascending
  lastYear: number; // year of the last detection so far
  availableFrom: number; // first day a further detection may fall on
  pending: ProgrammeDraft[]; // programmes of the last detection, finished at the next one
  custody: Array<readonly [number, number]>; // compulsory isolation terms, [reported, released]
  deceasedDay: number | null;
  substance: Substance | null;
}

export interface CountyUsers {
  code: string;
  users: UserState[];
  detectedByYear: Map<number, UserState[]>;
}

// Days between two detections of one person: 30 (programmesForDetection's earliest next) + 20.
const MIN_GAP = 50;
const MAX_DETECTIONS_PER_YEAR = 4;

const FIRST_DISPOSITION = new WeightedTable<Disposition>([
  [Disposition.COMMUNITY_DETOX_ORDER, 70],
  [Disposition.ADMINISTRATIVE_DETENTION, 30],
]);
const RELAPSE_DISPOSITION = new WeightedTable<Disposition>([
  [Disposition.COMMUNITY_DETOX_ORDER, 50],
  [Disposition.ADMINISTRATIVE_DETENTION, 50],
]);
const METHODS = new WeightedTable<DetectionMethod>([
  [DetectionMethod.URINE, 88],
  [DetectionMethod.HAIR, 9],
  [DetectionMethod.BLOOD, 3],
]);
// Users first registered before 2015 (the registry reaches back to the 2000s): first detection year.
const LEGACY_YEAR = new WeightedTable<number>(
  Array.from({ length: 15 }, (_, i) => [2000 + i, 1 + i * 0.6] as const),
);

// Heroin gives way to methamphetamine over the years (as in people.ts).
function substanceFor(rng: Rng, year: number): Substance {
  const shift = year - 2015;
  return rng.weighted<Substance>([
    [Substance.METHAMPHETAMINE, Math.max(20, 50 + 3 * shift)],
    [Substance.HEROIN, Math.min(60, 34 - 3 * shift)],
    [Substance.KETAMINE, 8],
    [Substance.MDMA, 2],
    [Substance.TRAMADOL, 1.5],
    [Substance.METHADONE, 1],
    [Substance.CANNABIS, 1],
    [Substance.OTHER, 1],
  ]);
}

// First and last day a detection may fall on, per year (memoised: called for every person).
const DETECTION_WINDOW = new Map<number, readonly [number, number]>();
function detectionWindow(year: number): readonly [number, number] {
  let window = DETECTION_WINDOW.get(year);
  if (!window) DETECTION_WINDOW.set(year, (window = [dayOf(`${year}-01-05`), dayOf(`${year}-12-15`)]));
  return window;
}
const yearStart = (year: number): number => detectionWindow(year)[0];
const yearEnd = (year: number): number => detectionWindow(year)[1];

export class CountySimulation {
  readonly users: UserState[] = [];
  readonly detectedByYear = new Map<number, UserState[]>();

  constructor(
    private readonly rng: Rng,
    private readonly ctx: GeneratorContext,
    private readonly plan: CountyUsersPlan,
    private readonly out: SyntheticData,
    private readonly nextPersonId: () => number,
  ) {}

  run(): CountyUsers {
    for (let i = 0; i < this.plan.legacy; i++) this.users.push(this.legacyUser());
    for (const year of YEARS) this.year(year);
    for (const u of this.users) this.close(u);
    return { code: this.plan.code, users: this.users, detectedByYear: this.detectedByYear };
  }

  private newDraft(): PersonDraft {
    const rng = this.rng;
    let householdCode = this.plan.code;
    if (rng.chance(0.1)) {
      do householdCode = COUNTY_TABLE.draw(rng).code;
      while (householdCode === this.plan.code);
    }
    return {
      id: this.nextPersonId(),
      male: rng.chance(0.85),
      householdCode,
      residenceCode: this.plan.code,
      user: true,
      firstEvent: Infinity,
      lastActivity: -Infinity,
      hasOpenRecord: false,
      programmes: [],
    };
  }

  private state(draft: PersonDraft): UserState {
    return { draft, detections: [], lastYear: -Infinity, availableFrom: -Infinity, pending: [], custody: [], deceasedDay: null, substance: null };
  }

  // One or two detections before 2015; the justice records of those years are not part of the data.
  private legacyUser(): UserState {
    const rng = this.rng;
    const u = this.state(this.newDraft());
    const year = LEGACY_YEAR.draw(rng);
    const first = rng.dayBetween(yearStart(year), yearEnd(year));
    const days = [first];
    const secondFrom = first + MIN_GAP;
    if (rng.chance(0.2) && secondFrom <= yearEnd(2014)) days.push(rng.dayBetween(secondFrom, Math.min(yearEnd(2014), secondFrom + 3 * 365)));
    days.forEach((day, i) => {
      const disposition = (i === 0 ? FIRST_DISPOSITION : RELAPSE_DISPOSITION).draw(rng);
      this.detectionRow(u, day, disposition);
    });
    u.availableFrom = days[days.length - 1] + MIN_GAP;
    return u;
  }

  private year(year: number): void {
    const rng = this.rng;
    const yi = yearIndex(year);
    const from = yearStart(year);
    const to = yearEnd(year);
    const start = (u: UserState) => Math.max(from, u.availableFrom);
    const eligible = (u: UserState) => start(u) <= to - 10;
    const newCount = this.plan.newUsers[yi];

    // Which persons count as "recent" (already in the steered window, or active in the last two years).
    const windowFrom = year === 2017 ? 2015 : year === 2021 || year === 2022 ? 2020 : year - 2;
    const recent = (u: UserState) => u.lastYear >= windowFrom;
    const recentPool = this.users.filter((u) => recent(u) && eligible(u));
    const otherPool = this.users.filter((u) => !recent(u) && eligible(u));

    let persons: number; // distinct persons detected this year
    let fromOther: number; // of the re-detected, drawn from the others
    if (year === 2017 || year === 2021 || year === 2022) {
      const inWindow = this.users.filter(recent).length;
      const target = year === 2017 ? this.plan.current2017 : year === 2021 ? this.plan.active2020to2021 : this.plan.current2022;
      let outside = target - inWindow; // persons detected this year who are not in the window yet (incl. new)
      if (year === 2022) {
        persons = this.plan.detectedPersons2022;
        if (outside < newCount || outside > persons) {
          throw new Error(
            `calibrated ${this.plan.code} 2022: ${inWindow} persons active in 2020-2021 cannot give ${target} current users ` +
              `with ${persons} detected persons of whom ${newCount} new`,
          );
        }
      } else {
        outside = Math.max(outside, newCount);
        const planned = year === 2017 ? Math.round(outside / (1 - RECENT_SHARE[yi])) : this.plan.detectedPersons[yi];
        persons = Math.max(planned, outside);
      }
      fromOther = outside - newCount;
    } else {
      persons = Math.max(this.plan.detectedPersons[yi], newCount);
      fromOther = Math.round((persons - newCount) * (1 - RECENT_SHARE[yi]));
    }
    let fromRecent = persons - newCount - fromOther;
    const exact = year === 2022;
    if (fromOther > otherPool.length || fromRecent > recentPool.length) {
      if (exact) {
        throw new Error(
          `calibrated ${this.plan.code} 2022: needs ${fromRecent} of ${recentPool.length} recent and ${fromOther} of ${otherPool.length} other free persons`,
        );
      }
      fromOther = Math.min(fromOther, otherPool.length);
      fromRecent = Math.min(fromRecent, recentPool.length);
    }

    const fresh = Array.from({ length: newCount }, () => this.state(this.newDraft()));
    const again = [...sample(rng, recentPool, fromRecent), ...sample(rng, otherPool, fromOther)];
    rng.shuffle(again);
    this.users.push(...fresh);
    const detected = [...fresh, ...again];
    this.detectedByYear.set(year, detected);

    // Compulsory isolation: mostly relapsing persons, a few new users.
    const compulsory = Math.min(compulsoryFor(this.plan, year, detected.length), detected.length);
    const newCompulsory = Math.min(fresh.length, Math.max(compulsory - again.length, Math.round(compulsory * 0.06)));
    const isolated = new Set<UserState>([...fresh.slice(0, newCompulsory), ...again.slice(0, compulsory - newCompulsory)]);

    // Detections per person: one each, then extra ones where the free part of the year allows.
    const count = new Map<UserState, number>(detected.map((u) => [u, 1]));
    const capacity = (u: UserState) => Math.min(MAX_DETECTIONS_PER_YEAR, 1 + Math.floor((to - start(u)) / MIN_GAP));
    let extra = detectionsFor(this.plan, year, detected.length) - detected.length;
    const order = rng.shuffle(detected.slice());
    while (extra > 0) {
      let progress = false;
      for (const u of order) {
        if (extra === 0) break;
        const k = count.get(u) as number;
        if (k < capacity(u)) {
          progress = true;
          if (rng.chance(0.45)) {
            count.set(u, k + 1);
            extra--;
          }
        }
      }
      if (!progress) {
        if (exact) throw new Error(`calibrated ${this.plan.code} 2022: no room for ${extra} more detections`);
        break;
      }
    }

    for (const u of detected) {
      const k = count.get(u) as number;
      const days = spacedDays(rng, start(u), to, k, MIN_GAP);
      days.forEach((day, i) => {
        const last = i === k - 1;
        let disposition: Disposition;
        if (last && isolated.has(u)) disposition = Disposition.COMPULSORY_ISOLATION_ORDER;
        else disposition = (u.detections.length === 0 ? FIRST_DISPOSITION : RELAPSE_DISPOSITION).draw(rng);
        this.detect(u, day, disposition);
      });
    }
  }

  // A detection in the simulated years: the earlier programmes end (a relapse ends an open community
  // programme), the detection is recorded, and the programmes it leads to are drafted.
  private detect(u: UserState, day: number, disposition: Disposition): void {
    for (const draft of u.pending) draft.finish(this.rng, this.ctx, day, this.out);
    u.pending = [];
    this.detectionRow(u, day, disposition);
    const { drafts, earliestNext } = programmesForDetection(this.rng, this.ctx, u.draft, day, disposition);
    u.pending = drafts;
    u.draft.programmes.push(...drafts);
    if (disposition === Disposition.COMPULSORY_ISOLATION_ORDER && drafts.length > 0) {
      u.custody.push([drafts[0].reported ?? drafts[0].ordered, earliestNext - 1]);
    }
    u.availableFrom = earliestNext + 20;
  }

  private detectionRow(u: UserState, day: number, disposition: Disposition): void {
    const rng = this.rng;
    const year = Number(isoOf(day).slice(0, 4));
    // A person mostly keeps to one drug; one detection in five shows another.
    if (u.substance === null || rng.chance(0.2)) u.substance = substanceFor(rng, year);
    const id = this.ctx.nextId('drugUseDetection');
    this.out.drugUseDetection.push({
      id,
      sourceKey: sourceKey('drugUseDetection', id),
      districtCode: u.draft.residenceCode,
      personId: u.draft.id,
      detectedAt: isoOf(day),
      substance: u.substance,
      method: METHODS.draw(rng),
      disposition,
    });
    u.detections.push(day);
    u.lastYear = year;
    u.draft.firstEvent = Math.min(u.draft.firstEvent, day);
    u.draft.lastActivity = Math.max(u.draft.lastActivity, day);
  }

  // After the last year: programmes still pending run their natural course; open ones keep the person
  // from being marked deceased (as in people.ts).
  private close(u: UserState): void {
    for (const draft of u.pending) draft.finish(this.rng, this.ctx, Infinity, this.out);
    u.pending = [];
    for (const draft of u.draft.programmes) {
      if (draft.row.endedAt === null) u.draft.hasOpenRecord = true;
      else u.draft.lastActivity = Math.max(u.draft.lastActivity, draft.endDay);
    }
  }
}
