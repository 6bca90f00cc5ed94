// Drug criminal cases (about 0.12 per person, declining over the years), their suspects and seizures.
import { Substance } from '../common/substance';
import { CaseType, SeizureKind, SuspectRole } from '../public-security/public-security.enums';
import { dayOfYearEnd, dayOfYearStart, isoOf, WORLD_END } from './calendar';
import { GeneratorContext } from './context';
import { COUNTY_TABLE, NINGXIA_PROVINCE_CODE, OUTSIDE_PROVINCE_TABLE } from './geography';
import type { PersonDraft } from './people';
import { Rng, WeightedTable } from './random';
import { DrugCaseRow, SeizureRow, sourceKey, SyntheticData } from './rows';

export const CASES_PER_PERSON = 0.12;

const CASE_YEAR = new WeightedTable<number>([
  [2015, 15], [2016, 15], [2017, 14.5], [2018, 13], [2019, 11], [2020, 9.5], [2021, 8], [2022, 7.5], [2023, 6.5],
]);
const CASE_TYPES = new WeightedTable<CaseType>([
  [CaseType.TRAFFICKING, 58], [CaseType.HARBOURING_DRUG_USE, 20], [CaseType.ILLEGAL_POSSESSION, 15],
  [CaseType.PRECURSOR_CRIME, 4], [CaseType.ILLEGAL_PLANTING, 3],
]);
const SUSPECTS_PER_CASE = new WeightedTable<number>([[1, 35], [2, 30], [3, 20], [4, 15]]);
const SEIZURES_PER_CASE = new WeightedTable<number>([[0, 20], [1, 45], [2, 25], [3, 10]]);
const SEIZED_DRUGS = new WeightedTable<Substance>([
  [Substance.METHAMPHETAMINE, 45], [Substance.HEROIN, 30], [Substance.KETAMINE, 8], [Substance.MDMA, 4],
  [Substance.CANNABIS, 4], [Substance.OPIUM, 3], [Substance.TRAMADOL, 2], [Substance.METHCATHINONE, 2],
  [Substance.MORPHINE, 1], [Substance.FENTANYL, 0.5], [Substance.OTHER, 0.5],
]);
const PRECURSORS = ['麻黄碱', '羟亚胺', '邻氯苯基环戊酮', '1-苯基-2-丙酮', '溴代苯丙酮', '盐酸', '硫酸', '丙酮'];

export interface CaseDraft {
  row: DrugCaseRow;
  filedDay: number;
  solvedDay: number | null;
  suspects: number;
}

export function draftCases(rng: Rng, ctx: GeneratorContext, persons: number, out: SyntheticData): CaseDraft[] {
  const drafts: CaseDraft[] = [];
  for (let i = 0; i < persons; i++) {
    if (!rng.chance(CASES_PER_PERSON)) continue;
    const year = CASE_YEAR.draw(rng);
    const filedDay = rng.dayBetween(dayOfYearStart(year), dayOfYearEnd(year));
    const solvedDraw = filedDay + Math.min(120, Math.floor(rng.exponential(25)));
    const solvedDay = rng.chance(0.9) && solvedDraw <= WORLD_END ? solvedDraw : null;
    const caseType = CASE_TYPES.draw(rng);
    const county = COUNTY_TABLE.draw(rng);
    const serious = caseType === CaseType.TRAFFICKING || caseType === CaseType.PRECURSOR_CRIME;
    const id = ctx.nextId('drugCase');
    const filed = isoOf(filedDay);
    const row: DrugCaseRow = {
      id,
      sourceKey: sourceKey('drugCase', id),
      districtCode: county.code,
      caseNumber: `A${county.code}${filed.slice(0, 4)}${filed.slice(5, 7)}${String(id).padStart(6, '0')}`,
      caseType,
      filedAt: filed,
      solvedAt: solvedDay === null ? null : isoOf(solvedDay),
      isTargetCase: serious && rng.chance(0.045),
      manufacturingSitesDestroyed: serious && solvedDay !== null && rng.chance(caseType === CaseType.PRECURSOR_CRIME ? 0.06 : 0.012) ? 1 : 0,
    };
    out.drugCase.push(row);
    drafts.push({ row, filedDay, solvedDay, suspects: SUSPECTS_PER_CASE.draw(rng) });
  }
  return drafts;
}

// Fill the cases' suspect slots: every suspect-only person gets one slot, users fill the rest.
export function assignSuspects(
  rng: Rng,
  ctx: GeneratorContext,
  cases: CaseDraft[],
  suspectOnly: PersonDraft[],
  users: PersonDraft[],
  out: SyntheticData,
): void {
  const slots: number[] = [];
  cases.forEach((c, index) => {
    for (let s = 0; s < c.suspects; s++) slots.push(index);
  });
  rng.shuffle(slots);
  const members: PersonDraft[][] = cases.map(() => []);
  slots.forEach((caseIndex, slot) => {
    const taken = members[caseIndex];
    let person: PersonDraft | undefined = slot < suspectOnly.length ? suspectOnly[slot] : undefined;
    const pool = users.length ? users : suspectOnly;
    for (let attempt = 0; person === undefined && attempt < 5 && pool.length; attempt++) {
      const candidate = rng.pick(pool);
      if (!taken.includes(candidate)) person = candidate;
    }
    if (person !== undefined && !taken.includes(person)) taken.push(person);
  });
  cases.forEach((c, index) => {
    members[index].forEach((person, position) => {
      suspectRow(rng, ctx, c, person, position, out);
      person.firstEvent = Math.min(person.firstEvent, c.filedDay);
      person.lastActivity = Math.max(person.lastActivity, c.solvedDay ?? c.filedDay);
    });
    seizures(rng, ctx, c, out);
  });
}

function suspectRow(rng: Rng, ctx: GeneratorContext, c: CaseDraft, person: PersonDraft, position: number, out: SyntheticData): void {
  let arrested: number | null = null;
  let fugitive = false;
  if (c.solvedDay !== null) {
    if (rng.chance(0.012)) {
      fugitive = true; // a long-wanted fugitive, caught years later if at all
      const caught = c.filedDay + rng.int(365, 6 * 365);
      arrested = caught <= WORLD_END ? caught : null;
    } else if (rng.chance(0.95)) {
      arrested = rng.dayBetween(Math.max(c.filedDay, c.solvedDay - 10), c.solvedDay);
    }
  } else if (rng.chance(0.3)) {
    arrested = Math.min(WORLD_END, c.filedDay + rng.int(0, 30));
  }
  const id = ctx.nextId('caseSuspect');
  out.caseSuspect.push({
    id,
    sourceKey: sourceKey('caseSuspect', id),
    districtCode: c.row.districtCode,
    caseId: c.row.id,
    personId: person.id,
    role: position === 0 ? SuspectRole.PRINCIPAL : rng.chance(0.75) ? SuspectRole.ACCOMPLICE : SuspectRole.OTHER,
    arrestedAt: arrested === null ? null : isoOf(arrested),
    arrestProvinceCode: arrested === null ? null : rng.chance(0.05) ? OUTSIDE_PROVINCE_TABLE.draw(rng) : NINGXIA_PROVINCE_CODE,
    isFugitive: fugitive,
  });
  if (arrested !== null) person.lastActivity = Math.max(person.lastActivity, arrested);
}

function seizures(rng: Rng, ctx: GeneratorContext, c: CaseDraft, out: SyntheticData): void {
  const n = c.row.caseType === CaseType.HARBOURING_DRUG_USE && rng.chance(0.5) ? 0 : SEIZURES_PER_CASE.draw(rng);
  for (let i = 0; i < n; i++) {
    let day: number;
    if (c.solvedDay !== null) day = rng.chance(0.6) ? c.filedDay : rng.dayBetween(c.filedDay, c.solvedDay);
    else day = Math.min(WORLD_END, c.filedDay + rng.int(0, 5));
    const row: Omit<SeizureRow, 'id' | 'sourceKey'> = { ...seizedItem(rng, c.row.caseType), districtCode: c.row.districtCode, caseId: c.row.id, seizedAt: isoOf(day) };
    const id = ctx.nextId('seizure');
    out.seizure.push({ id, sourceKey: sourceKey('seizure', id), ...row });
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function seizedItem(rng: Rng, caseType: CaseType): Pick<SeizureRow, 'kind' | 'substance' | 'quantityGrams' | 'quantityKg'> {
  const drug = (grams: number, substance: string = SEIZED_DRUGS.draw(rng)) => ({
    kind: SeizureKind.DRUG,
    substance,
    quantityGrams: Math.max(0.1, round3(grams)),
    quantityKg: null,
  });
  switch (caseType) {
    case CaseType.PRECURSOR_CRIME:
      return { kind: SeizureKind.PRECURSOR, substance: rng.pick(PRECURSORS), quantityGrams: null, quantityKg: round3(rng.logNormal(150, 1.3)) };
    case CaseType.ILLEGAL_PLANTING:
      return rng.chance(0.5)
        ? { kind: SeizureKind.OTHER, substance: rng.pick(['大麻种子', '罂粟植株']), quantityGrams: null, quantityKg: round3(rng.logNormal(3, 1.2)) }
        : drug(rng.logNormal(200, 1.0), Substance.CANNABIS);
    case CaseType.ILLEGAL_POSSESSION:
      return drug(rng.logNormal(15, 0.9));
    case CaseType.HARBOURING_DRUG_USE:
      return drug(rng.logNormal(0.8, 1.0));
    case CaseType.TRAFFICKING:
      // Mostly street-level grams; occasionally kilos.
      return rng.chance(0.03) ? drug(rng.logNormal(1500, 0.8)) : drug(rng.logNormal(4, 1.5));
  }
}
