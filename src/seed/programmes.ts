// Rehabilitation programmes that follow a detection, and the follow-up checks during community
// programmes. A programme is drafted when its detection is generated and finished once the next
// detection (a relapse, which ends an open community programme) is known.
import { CheckKind, CheckResult, ProgrammeKind, ProgrammeOutcome } from '../justice/justice.enums';
import { Disposition } from '../public-security/public-security.enums';
import { addYears, isoOf, WORLD_END } from './calendar';
import { GeneratorContext } from './context';
import type { PersonDraft } from './people';
import { Rng, WeightedTable } from './random';
import { RehabProgrammeRow, sourceKey, SyntheticData } from './rows';

const CHECK_KINDS = new WeightedTable<CheckKind>([
  [CheckKind.URINE_TEST, 55], [CheckKind.VISIT, 30], [CheckKind.COUNSELLING, 15],
]);

export class ProgrammeDraft {
  row: RehabProgrammeRow;
  endDay = Infinity; // day the programme ended; Infinity while open at the end of the world

  constructor(
    private readonly person: PersonDraft,
    readonly kind: ProgrammeKind,
    readonly ordered: number,
    readonly reported: number | null,
    readonly plannedEnd: number,
    private readonly naturalEnd: number, // end without a relapse; may lie after WORLD_END
    private readonly naturalOutcome: ProgrammeOutcome,
    private readonly caseworkerId: number | null,
    private readonly centreId: number | null,
  ) {}

  get community(): boolean {
    return this.kind === ProgrammeKind.COMMUNITY_DETOX || this.kind === ProgrammeKind.COMMUNITY_REHAB;
  }

  // `cutoff` = day of the next detection (Infinity if none): it ends an open community programme.
  finish(rng: Rng, ctx: GeneratorContext, cutoff: number, out: SyntheticData): void {
    let end = this.naturalEnd;
    let outcome = this.naturalOutcome;
    if (this.kind !== ProgrammeKind.COMPULSORY_ISOLATION && cutoff < end) {
      end = cutoff;
      outcome = this.reported === null ? ProgrammeOutcome.TERMINATED : ProgrammeOutcome.RELAPSED;
    }
    const open = end > WORLD_END;
    this.endDay = open ? Infinity : end;
    const id = ctx.nextId('rehabProgramme');
    this.row = {
      id,
      sourceKey: sourceKey('rehabProgramme', id),
      districtCode: this.person.residenceCode,
      personId: this.person.id,
      kind: this.kind,
      orderedAt: isoOf(this.ordered),
      reportedAt: this.reported === null ? null : isoOf(this.reported),
      plannedEndAt: isoOf(this.plannedEnd),
      endedAt: open ? null : isoOf(end),
      outcome: open ? null : outcome,
      caseworkerId: this.caseworkerId,
      centreId: this.centreId,
    };
    out.rehabProgramme.push(this.row);
    if (this.community && this.reported !== null) this.checks(rng, ctx, Math.min(end, WORLD_END + 1), outcome, out);
  }

  // Roughly monthly for the first three months, then about quarterly; a positive urine test
  // just before a relapse detection; missed checks before absconding.
  private checks(rng: Rng, ctx: GeneratorContext, until: number, outcome: ProgrammeOutcome, out: SyntheticData): void {
    const reported = this.reported as number;
    const relapse = outcome === ProgrammeOutcome.RELAPSED && until <= WORLD_END;
    const absconded = outcome === ProgrammeOutcome.ABSCONDED && until <= WORLD_END;
    const lastRoutine = relapse ? until - 3 : until;
    let day = reported + rng.int(7, 30);
    while (day < lastRoutine) {
      const kind = CHECK_KINDS.draw(rng);
      let result: CheckResult;
      if (absconded && until - day < 75) result = CheckResult.MISSED;
      else if (kind === CheckKind.URINE_TEST) result = rng.chance(0.96) ? CheckResult.NEGATIVE : CheckResult.MISSED;
      else result = rng.chance(0.94) ? CheckResult.COMPLETED : CheckResult.MISSED;
      this.emitCheck(ctx, day, kind, result, out);
      day += day - reported < 90 ? rng.int(28, 45) : rng.int(70, 110);
    }
    if (relapse) {
      const positiveDay = Math.max(reported, until - rng.int(0, 2));
      this.emitCheck(ctx, positiveDay, CheckKind.URINE_TEST, CheckResult.POSITIVE, out);
    }
  }

  private emitCheck(ctx: GeneratorContext, day: number, kind: CheckKind, result: CheckResult, out: SyntheticData): void {
    const id = ctx.nextId('followUpCheck');
    out.followUpCheck.push({
      id,
      sourceKey: sourceKey('followUpCheck', id),
      districtCode: this.person.residenceCode,
      programmeId: this.row.id,
      personId: this.person.id,
      checkedAt: isoOf(day),
      kind,
      result,
    });
  }
}

function communityDraft(rng: Rng, ctx: GeneratorContext, p: PersonDraft, kind: ProgrammeKind, ordered: number): ProgrammeDraft {
  const plannedEnd = addYears(ordered, 3);
  const reportedDay = ordered + rng.int(0, 15);
  const reported = reportedDay <= WORLD_END && rng.chance(0.97) ? reportedDay : null;
  let naturalEnd = plannedEnd;
  let naturalOutcome = ProgrammeOutcome.COMPLETED;
  if (reported === null) {
    // Ordered but never reported: closed as terminated after a few months (if the world lasts).
    naturalEnd = ordered + rng.int(60, 180);
    naturalOutcome = ProgrammeOutcome.TERMINATED;
  } else if (rng.chance(0.02)) {
    naturalEnd = reported + rng.int(60, 700);
    naturalOutcome = ProgrammeOutcome.ABSCONDED;
  }
  const caseworkers = ctx.caseworkersByCounty.get(p.residenceCode) ?? [];
  const centres = ctx.centresByCounty.get(p.residenceCode) ?? [];
  return new ProgrammeDraft(
    p, kind, ordered, reported, plannedEnd, naturalEnd, naturalOutcome,
    caseworkers.length ? rng.pick(caseworkers) : null,
    centres.length ? rng.pick(centres) : null,
  );
}

// Programmes ordered after a detection on `day`, and the earliest day a further detection can happen.
export function programmesForDetection(
  rng: Rng,
  ctx: GeneratorContext,
  p: PersonDraft,
  day: number,
  disposition: Disposition,
): { drafts: ProgrammeDraft[]; earliestNext: number } {
  const drafts: ProgrammeDraft[] = [];
  if (disposition === Disposition.COMPULSORY_ISOLATION_ORDER) {
    const ordered = day + rng.int(1, 10);
    const reported = ordered + rng.int(0, 3);
    let plannedEnd = addYears(ordered, 2);
    let end: number;
    const r = rng.next();
    if (r < 0.12) end = addYears(reported, 1); // released after one year
    else if (r < 0.17) end = plannedEnd = addYears(ordered, 3); // extended by one year
    else end = plannedEnd - rng.int(0, 20);
    if (ordered > WORLD_END) return { drafts, earliestNext: Infinity };
    drafts.push(new ProgrammeDraft(p, ProgrammeKind.COMPULSORY_ISOLATION, ordered, reported <= WORLD_END ? reported : null, plannedEnd, end, ProgrammeOutcome.COMPLETED, null, null));
    if (end > WORLD_END) return { drafts, earliestNext: Infinity };
    // After release: community rehabilitation for up to three years.
    if (rng.chance(0.75) && end + 1 <= WORLD_END) drafts.push(communityDraft(rng, ctx, p, ProgrammeKind.COMMUNITY_REHAB, end + 1));
    return { drafts, earliestNext: end + 1 };
  }
  let ordered: number | null = null;
  if (disposition === Disposition.COMMUNITY_DETOX_ORDER) ordered = day + rng.int(0, 7);
  else if (rng.chance(0.4)) ordered = day + rng.int(10, 15); // after administrative detention
  if (ordered !== null && ordered <= WORLD_END) {
    drafts.push(communityDraft(rng, ctx, p, ProgrammeKind.COMMUNITY_DETOX, ordered));
  } else if (ordered === null && rng.chance(0.08)) {
    // A few seek voluntary detox at a medical institution after detention: a few months.
    const start = day + rng.int(12, 30);
    if (start <= WORLD_END) {
      const plannedEnd = start + rng.int(90, 180);
      drafts.push(new ProgrammeDraft(p, ProgrammeKind.VOLUNTARY, start, start, plannedEnd, plannedEnd, ProgrammeOutcome.COMPLETED, null, null));
    }
  }
  return { drafts, earliestNext: day + 30 };
}
