// Drug criminal cases 2015-2023 with their suspects and seizures, to the plan's yearly totals: cases
// solved per city, target cases, manufacturing sites, fugitives arrested, outflow traffickers, heroin
// equivalent and precursor chemicals seized. Every case is filed, solved and its seizures made within
// one calendar year, so each figure belongs to exactly one year.
import { CaseType, SuspectRole } from '../../public-security/public-security.enums';
import { dayOf, isoOf } from '../calendar';
import { GeneratorContext } from '../context';
import { COUNTY_BY_CODE, COUNTY_TABLE, NINGXIA_PROVINCE_CODE, OUTSIDE_COUNTY_CODES, OUTSIDE_PROVINCE_TABLE } from '../geography';
import type { PersonDraft } from '../people';
import { Rng, WeightedTable } from '../random';
import { CaseSuspectRow, DrugCaseRow, sourceKey, SyntheticData } from '../rows';
import { allocate, sample } from './allocate';
import { CaseDraft, SeizureDrafts } from './seizures';
import { countiesOf } from './county-plan';
import {
  CASES_SOLVED,
  COUNTY_WEIGHT,
  FUGITIVES_2022,
  FUGITIVES_ARRESTED,
  MANUFACTURING_2022,
  MANUFACTURING_SITES,
  OUTFLOW,
  OUTFLOW_TONGXIN,
  TARGET_CASES,
  TARGET_CASES_2022,
  UNSOLVED_SHARE,
  WUZHONG_SUSPECTS_2022,
  YEARS,
  yearIndex,
  ZHONGWEI_CLUSTER_CASE_SUSPECTS,
} from './ningxia-2022.plan';
import type { CountyUsers, UserState } from './users';

const WUZHONG = '640300';
const ZHONGWEI_SHAPOTOU = '640502';
const TONGXIN = '640324';

const CASE_TYPES = new WeightedTable<CaseType>([
  [CaseType.TRAFFICKING, 58],
  [CaseType.HARBOURING_DRUG_USE, 20],
  [CaseType.ILLEGAL_POSSESSION, 15],
  [CaseType.PRECURSOR_CRIME, 4],
  [CaseType.ILLEGAL_PLANTING, 3],
]);
const SUSPECTS_PER_CASE = new WeightedTable<number>([[1, 40], [2, 30], [3, 18], [4, 12]]);


export interface CasesInput {
  counties: ReadonlyMap<string, CountyUsers>;
  nextPersonId: () => number;
}

export class CaseGenerator {
  readonly suspectOnly: PersonDraft[] = [];
  private readonly cases: CaseDraft[] = [];
  private readonly suspectPerson = new Map<number, PersonDraft>(); // caseSuspect id -> person
  private readonly seizureDrafts: SeizureDrafts;

  constructor(
    private readonly rng: Rng,
    private readonly ctx: GeneratorContext,
    private readonly input: CasesInput,
    private readonly out: SyntheticData,
  ) {
    this.seizureDrafts = new SeizureDrafts(rng, ctx);
  }

  run(): void {
    for (const year of YEARS) {
      const cases = this.draftYear(year);
      this.designate(year, cases);
      for (const c of cases) this.suspects(c);
      this.fugitives(year);
      this.outflow(year);
      this.seizureDrafts.year(year, cases);
      this.cases.push(...cases);
      for (const c of cases) {
        this.out.drugCase.push(c.row);
        for (const z of c.seizures) this.out.seizure.push(z);
      }
    }
  }

  // --- cases -----------------------------------------------------------------------------------------
  private draftYear(year: number): CaseDraft[] {
    const yi = yearIndex(year);
    const drafts: CaseDraft[] = [];
    for (const [cityCode, solvedByYear] of Object.entries(CASES_SOLVED)) {
      const counties = countiesOf(cityCode).map((code) => [code, COUNTY_WEIGHT[code] ?? 1] as const);
      const solved = allocate(solvedByYear[yi], counties);
      const unsolved = allocate(Math.round(solvedByYear[yi] * UNSOLVED_SHARE), counties);
      for (const [code] of counties) {
        for (let i = 0; i < (solved.get(code) as number); i++) drafts.push(this.draftCase(code, year, true));
        for (let i = 0; i < (unsolved.get(code) as number); i++) drafts.push(this.draftCase(code, year, false));
      }
    }
    // Filed in date order within the year: ids and case numbers follow the filing date.
    drafts.sort((a, b) => a.filed - b.filed);
    for (const d of drafts) {
      const id = this.ctx.nextId('drugCase');
      d.row.id = id;
      d.row.sourceKey = sourceKey('drugCase', id);
      d.row.caseNumber = `A${d.row.districtCode}${d.row.filedAt.slice(0, 4)}${d.row.filedAt.slice(5, 7)}${String(id).padStart(6, '0')}`;
    }
    return drafts;
  }

  private draftCase(code: string, year: number, isSolved: boolean): CaseDraft {
    const rng = this.rng;
    const filed = rng.dayBetween(dayOf(`${year}-01-05`), dayOf(`${year}-11-20`));
    const solved = isSolved ? filed + Math.min(30, Math.floor(rng.exponential(12))) : null;
    const row: DrugCaseRow = {
      id: 0,
      sourceKey: '',
      districtCode: code,
      caseNumber: '',
      caseType: CASE_TYPES.draw(rng),
      filedAt: isoOf(filed),
      solvedAt: solved === null ? null : isoOf(solved),
      isTargetCase: false,
      manufacturingSitesDestroyed: 0,
    };
    return { row, year, filed, solved, suspects: isSolved ? SUSPECTS_PER_CASE.draw(rng) : 0, seizures: [], fixedSeizures: false };
  }

  // Target cases, manufacturing sites and the article's named 2022 cases.
  private designate(year: number, cases: CaseDraft[]): void {
    const rng = this.rng;
    const yi = yearIndex(year);
    const solved = cases.filter((c) => c.solved !== null);
    const serious = (c: CaseDraft) => c.row.caseType === CaseType.TRAFFICKING || c.row.caseType === CaseType.PRECURSOR_CRIME;
    if (year !== 2022) {
      for (const c of sample(rng, solved.filter(serious), TARGET_CASES[yi])) c.row.isTargetCase = true;
      for (const c of sample(rng, solved.filter(serious), MANUFACTURING_SITES[yi])) c.row.manufacturingSitesDestroyed = 1;
      return;
    }
    const inCity = (c: CaseDraft, city: string) => COUNTY_BY_CODE.get(c.row.districtCode)?.cityCode === city;
    // Wuzhong: a cannabis-oil parcel case, a nitrous-oxide case (9 t), an illegal-planting case (seeds),
    // 13 cases with 33 suspects, 2 target cases.
    const wuzhong = solved.filter((c) => inCity(c, WUZHONG));
    wuzhong.forEach((c, i) => {
      c.suspects = WUZHONG_SUSPECTS_2022[i];
      c.fixedSeizures = true;
      if (i <= 1) c.row.caseType = CaseType.TRAFFICKING;
      if (i === 2) c.row.caseType = CaseType.ILLEGAL_PLANTING;
      if (c.row.caseType === CaseType.PRECURSOR_CRIME) c.row.caseType = CaseType.TRAFFICKING;
    });
    this.seizureDrafts.wuzhong(wuzhong);
    // Zhongwei: the cluster case traced through wastewater, 9 arrested.
    const cluster = solved.find((c) => c.row.districtCode === ZHONGWEI_SHAPOTOU && c.row.caseType === CaseType.TRAFFICKING);
    if (!cluster) throw new Error('calibrated: no Shapotou trafficking case in 2022');
    cluster.suspects = ZHONGWEI_CLUSTER_CASE_SUSPECTS;
    // Manufacturing sites: one case in each planned county.
    for (const code of MANUFACTURING_2022) {
      const c = solved.find((x) => x.row.districtCode === code && x !== cluster && !x.row.manufacturingSitesDestroyed);
      if (!c) throw new Error(`calibrated: no case in ${code} in 2022`);
      c.row.caseType = code === '640221' ? CaseType.PRECURSOR_CRIME : CaseType.TRAFFICKING;
      c.row.manufacturingSitesDestroyed = 1;
    }
    for (const [city, n] of Object.entries(TARGET_CASES_2022)) {
      const pool = city === WUZHONG ? wuzhong.slice(0, 2) : solved.filter((c) => inCity(c, city) && serious(c));
      for (const c of pool.slice(0, n)) c.row.isTargetCase = true;
    }
  }

  // --- suspects --------------------------------------------------------------------------------------
  private suspects(c: CaseDraft): void {
    const rng = this.rng;
    if (c.solved === null) return;
    const solved = c.solved;
    const taken = new Set<number>();
    for (let position = 0; position < c.suspects; position++) {
      const arrested = rng.dayBetween(Math.max(c.filed, solved - 10), solved);
      let person: PersonDraft | undefined;
      if (rng.chance(0.5)) person = this.pickUser(c, arrested, taken);
      if (!person) person = this.newSuspect(c.row.districtCode, c.filed);
      taken.add(person.id);
      this.suspectRow(c, person, position === 0 ? SuspectRole.PRINCIPAL : rng.chance(0.75) ? SuspectRole.ACCOMPLICE : SuspectRole.OTHER, arrested, false);
    }
  }

  // A drug user of the case's county detected that year or the year before, free on the arrest day.
  private pickUser(c: CaseDraft, arrested: number, taken: Set<number>): PersonDraft | undefined {
    const county = this.input.counties.get(c.row.districtCode);
    if (!county) return undefined;
    const pool = [...(county.detectedByYear.get(c.year) ?? []), ...(county.detectedByYear.get(c.year - 1) ?? [])];
    for (let attempt = 0; attempt < 6 && pool.length; attempt++) {
      const u: UserState = this.rng.pick(pool);
      if (taken.has(u.draft.id) || u.detections[0] > arrested) continue;
      if (u.custody.some(([from, to]) => arrested >= from && arrested <= to)) continue;
      return u.draft;
    }
    return undefined;
  }

  // A suspect who is not a registered drug user: mostly living in the case's county, some elsewhere in
  // Ningxia or in a neighbouring province.
  private newSuspect(code: string, firstEvent: number): PersonDraft {
    const rng = this.rng;
    let residence = code;
    const r = rng.next();
    if (r < 0.05) residence = rng.pick(OUTSIDE_COUNTY_CODES);
    else if (r < 0.13) residence = COUNTY_TABLE.draw(rng).code;
    const draft: PersonDraft = {
      id: this.input.nextPersonId(),
      male: rng.chance(0.88),
      householdCode: residence,
      residenceCode: residence,
      user: false,
      firstEvent,
      lastActivity: firstEvent,
      hasOpenRecord: false,
      programmes: [],
    };
    this.suspectOnly.push(draft);
    return draft;
  }

  private suspectRow(c: CaseDraft, person: PersonDraft, role: SuspectRole, arrested: number | null, fugitive: boolean): void {
    const id = this.ctx.nextId('caseSuspect');
    const row: CaseSuspectRow = {
      id,
      sourceKey: sourceKey('caseSuspect', id),
      districtCode: c.row.districtCode,
      caseId: c.row.id,
      personId: person.id,
      role,
      arrestedAt: arrested === null ? null : isoOf(arrested),
      arrestProvinceCode: arrested === null ? null : NINGXIA_PROVINCE_CODE,
      isFugitive: fugitive,
    };
    this.out.caseSuspect.push(row);
    this.suspectPerson.set(id, person);
    person.firstEvent = Math.min(person.firstEvent, c.filed);
    if (arrested !== null) person.lastActivity = Math.max(person.lastActivity, arrested);
  }

  // Long-wanted fugitives (涉毒"钉子"逃犯) of earlier cases, caught this year; and a few still at large.
  private fugitives(year: number): void {
    const rng = this.rng;
    const yi = yearIndex(year);
    const cities: string[] = [];
    if (year === 2022) for (const [city, n] of Object.entries(FUGITIVES_2022)) for (let i = 0; i < n; i++) cities.push(city);
    else for (let i = 0; i < FUGITIVES_ARRESTED[yi]; i++) cities.push(rng.pick(Object.keys(CASES_SOLVED)));
    const from = dayOf(`${year}-01-05`);
    const to = dayOf(`${year}-12-20`);
    for (const city of cities) {
      const old = this.cases.filter((c) => c.solved !== null && c.filed + 365 <= to && COUNTY_BY_CODE.get(c.row.districtCode)?.cityCode === city);
      if (!old.length) throw new Error(`calibrated: no earlier case for a fugitive in ${city} ${year}`);
      const c = rng.pick(old);
      const arrested = rng.dayBetween(Math.max(from, c.filed + 365), to);
      this.suspectRow(c, this.newSuspect(c.row.districtCode, c.filed), SuspectRole.ACCOMPLICE, arrested, true);
    }
    // Two fugitives a year stay at large (no arrest date).
    const recent = this.cases.filter((c) => c.solved !== null && c.year === year - 1);
    for (const c of sample(rng, recent, Math.min(2, recent.length))) {
      this.suspectRow(c, this.newSuspect(c.row.districtCode, c.filed), SuspectRole.ACCOMPLICE, null, true);
    }
  }

  // Outflow trafficking (外流贩毒): residents of Ningxia arrested in another province. Tongxin county's
  // count follows its own published decline (zero from 2020).
  private outflow(year: number): void {
    const rng = this.rng;
    const yi = yearIndex(year);
    const start = isoOf(dayOf(`${year}-01-01`));
    const end = isoOf(dayOf(`${year}-12-31`));
    const rows = this.out.caseSuspect.filter((s) => s.arrestedAt !== null && s.arrestedAt >= start && s.arrestedAt <= end && !s.isFugitive);
    const byPerson = new Map<number, CaseSuspectRow>();
    for (const s of rows) if (!byPerson.has(s.personId)) byPerson.set(s.personId, s);
    const resident = (s: CaseSuspectRow) => (this.suspectPerson.get(s.id) as PersonDraft).residenceCode;
    const candidates = [...byPerson.values()];
    const tongxin = candidates.filter((s) => resident(s) === TONGXIN);
    const others = candidates.filter((s) => resident(s) !== TONGXIN && COUNTY_BY_CODE.has(resident(s)));
    const nTongxin = OUTFLOW_TONGXIN[yi];
    if (tongxin.length < nTongxin || others.length < OUTFLOW[yi] - nTongxin) throw new Error(`calibrated: too few suspects for outflow ${year}`);
    for (const s of [...sample(rng, tongxin, nTongxin), ...sample(rng, others, OUTFLOW[yi] - nTongxin)]) {
      s.arrestProvinceCode = OUTSIDE_PROVINCE_TABLE.draw(rng);
    }
  }
}
