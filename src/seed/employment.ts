// Employment assistance for about 60 % of the persons who reported to a community programme.
import { AssistanceKind, AssistanceOutcome } from '../employment/employment.enums';
import { dayOf, isoOf, WORLD_END } from './calendar';
import { GeneratorContext } from './context';
import { COUNTY_BY_CODE } from './geography';
import { companyName, labourBureau, povertyProvider, trainingProvider, welfarePostProvider } from './names';
import type { PersonDraft } from './people';
import { Rng, WeightedTable } from './random';
import { EmploymentAssistanceRow, sourceKey, SyntheticData } from './rows';

const KINDS = new WeightedTable<AssistanceKind>([
  [AssistanceKind.VOCATIONAL_TRAINING, 25],
  [AssistanceKind.JOB_PLACEMENT, 22],
  [AssistanceKind.SUBSIDY, 16],
  [AssistanceKind.POVERTY_ALLEVIATION, 15],
  [AssistanceKind.PUBLIC_WELFARE_POST, 12],
  [AssistanceKind.ENTREPRENEURSHIP, 10],
]);
// Poverty alleviation ended with the 2020 campaign; later starts get another kind of help.
const POVERTY_LAST_START = dayOf('2020-06-30');
const POVERTY_LAST_END = dayOf('2020-12-31');

type Draft = Pick<EmploymentAssistanceRow, 'provider' | 'subsidyAmountCny' | 'outcome'> & { end: number | null };

export function employmentAssistance(rng: Rng, ctx: GeneratorContext, p: PersonDraft, out: SyntheticData): void {
  const reported = p.programmes.filter((g) => g.community && g.reported !== null);
  if (reported.length === 0 || !rng.chance(0.6)) return;
  const county = COUNTY_BY_CODE.get(p.residenceCode);
  const countyName = county?.name ?? '';
  const cityName = county?.cityName ?? '';
  const n = rng.chance(0.7) ? 1 : 2;
  for (let i = 0; i < n; i++) {
    const programme = rng.pick(reported);
    const from = programme.reported as number;
    const to = Math.min(WORLD_END, programme.endDay, from + 400);
    const start = rng.dayBetween(from + Math.min(15, to - from), to);
    let kind = KINDS.draw(rng);
    while (kind === AssistanceKind.POVERTY_ALLEVIATION && start > POVERTY_LAST_START) kind = KINDS.draw(rng);
    const d = details(rng, kind, start, countyName, cityName);
    const open = d.end === null || d.end > WORLD_END;
    const id = ctx.nextId('employmentAssistance');
    out.employmentAssistance.push({
      id,
      sourceKey: sourceKey('employmentAssistance', id),
      districtCode: p.residenceCode,
      personId: p.id,
      kind,
      startedAt: isoOf(start),
      endedAt: open ? null : isoOf(d.end as number),
      provider: d.provider,
      subsidyAmountCny: d.subsidyAmountCny,
      outcome: open ? openOutcome(kind, d.outcome) : d.outcome,
    });
    if (open) p.hasOpenRecord = true;
    else p.lastActivity = Math.max(p.lastActivity, d.end as number);
  }
}

// While still open: training is in progress, poverty alleviation undecided, a job is held.
function openOutcome(kind: AssistanceKind, outcome: AssistanceOutcome | null): AssistanceOutcome | null {
  if (kind === AssistanceKind.VOCATIONAL_TRAINING) return AssistanceOutcome.IN_TRAINING;
  if (kind === AssistanceKind.POVERTY_ALLEVIATION) return null;
  return outcome === AssistanceOutcome.DROPPED ? AssistanceOutcome.EMPLOYED : outcome;
}

function details(rng: Rng, kind: AssistanceKind, start: number, countyName: string, cityName: string): Draft {
  switch (kind) {
    case AssistanceKind.VOCATIONAL_TRAINING: {
      const outcome = rng.weighted<AssistanceOutcome>([
        [AssistanceOutcome.EMPLOYED, 55], [AssistanceOutcome.SELF_EMPLOYED, 25], [AssistanceOutcome.DROPPED, 10],
      ]);
      return { provider: trainingProvider(rng, cityName), subsidyAmountCny: rng.int(8, 30) * 100, outcome, end: start + rng.int(20, 90) };
    }
    case AssistanceKind.JOB_PLACEMENT: {
      const employed = rng.chance(0.88);
      return {
        provider: companyName(rng, countyName),
        subsidyAmountCny: rng.chance(0.5) ? rng.int(10, 20) * 100 : null,
        outcome: employed ? AssistanceOutcome.EMPLOYED : AssistanceOutcome.DROPPED,
        end: employed ? (rng.chance(0.6) ? null : start + rng.int(90, 900)) : start + rng.int(30, 180),
      };
    }
    case AssistanceKind.ENTREPRENEURSHIP: {
      const self = rng.chance(0.85);
      return {
        provider: labourBureau(countyName),
        subsidyAmountCny: rng.int(5, 20) * 1000,
        outcome: self ? AssistanceOutcome.SELF_EMPLOYED : AssistanceOutcome.DROPPED,
        end: self && rng.chance(0.6) ? null : start + rng.int(180, 1000),
      };
    }
    case AssistanceKind.PUBLIC_WELFARE_POST: {
      const months = rng.int(6, 36);
      return {
        provider: welfarePostProvider(rng, countyName),
        subsidyAmountCny: months * rng.int(15, 20) * 100,
        outcome: rng.chance(0.92) ? AssistanceOutcome.EMPLOYED : AssistanceOutcome.DROPPED,
        end: start + months * 30,
      };
    }
    case AssistanceKind.SUBSIDY:
      return {
        provider: labourBureau(countyName),
        subsidyAmountCny: rng.int(5, 30) * 100,
        outcome: rng.chance(0.7) ? AssistanceOutcome.EMPLOYED : AssistanceOutcome.SELF_EMPLOYED,
        end: start,
      };
    case AssistanceKind.POVERTY_ALLEVIATION:
      return {
        provider: povertyProvider(countyName),
        subsidyAmountCny: rng.int(2, 10) * 1000,
        outcome: rng.chance(0.85) ? AssistanceOutcome.LIFTED_OUT_OF_POVERTY : AssistanceOutcome.DROPPED,
        end: Math.min(POVERTY_LAST_END, start + rng.int(180, 720)),
      };
  }
}
