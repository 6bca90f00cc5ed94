import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { makeIdNumber } from '../src/common/id-number';
import { Period } from '../src/common/period';
import { StatementCount, trackStatements } from '../src/common/sql-counter';
import { DistrictTree } from '../src/core/district-tree';
import { DistrictLevel } from '../src/core/district.entity';
import { DistrictIndicators } from '../src/indicators/district-indicators.type';
import { IndicatorSums, SUM_FIELDS, SumField } from '../src/core/indicator-sums';
import { computeIndicators, computeIndicatorSums, SUMMARY_STATEMENTS } from '../src/indicators/indicators.service';
import { refreshPersonIndicatorsNow } from '../src/indicators/summary/summary.store';
import { entities } from '../src/entities';
import { freshDatabase, testDatabases } from './helpers/databases';

// Period 2023, both ends inclusive; reference date R = 2023-12-31; three-year cutoff = 2020-12-31
// (abstinent when the last evidence of use is strictly before the cutoff).
const PERIOD: Period = { from: '2023-01-01', to: '2023-12-31' };
const entity = (name: string) => entities.find((e) => e.name === name) as EntityTarget<ObjectLiteral>;
type D = string | null; // a 'YYYY-MM-DD' day or null

// Inserts one record at a time through the repositories and returns its id. Enum values as strings.
class Records {
  constructor(private readonly ds: DataSource, private n = 0) {} // n numbers source keys and ID numbers
  private async add(name: string, values: Record<string, unknown>, keyed = true): Promise<number> {
    const row = keyed ? { sourceKey: `${name}-${++this.n}`, districtCode: '640104', ...values } : values;
    const id = Number((await this.ds.getRepository(entity(name)).insert(row)).identifiers[0].id);
    // rows written directly must refresh the indicator ledger, as every write path of the service does
    const personId = name === 'Person' ? id : (values.personId as number | undefined);
    if (personId !== undefined) await refreshPersonIndicatorsNow(this.ds, [personId]);
    return id;
  }
  person(residence: string, household = residence, deceasedAt: D = null) {
    const seq = ++this.n;
    const idNumber = makeIdNumber(household, `${1960 + Math.floor(seq / 1000)}-01-01`, seq % 1000);
    return this.add('Person', { idNumber, name: `P${seq}`, gender: 'MALE', birthDate: '1990-01-01', residenceDistrictCode: residence, householdDistrictCode: household, deceasedAt }, false);
  }
  detection(personId: number, districtCode: string, detectedAt: string) {
    return this.add('DrugUseDetection', { personId, districtCode, detectedAt, substance: 'HEROIN', method: 'URINE', disposition: 'ADMINISTRATIVE_DETENTION' });
  }
  risk(personId: number, assessedAt: string, riskColour: string) {
    return this.add('RiskAssessment', { personId, assessedAt, riskColour, controlColour: riskColour });
  }
  drugCase(districtCode: string, filedAt: string, solvedAt: D, isTargetCase = false, manufacturingSitesDestroyed = 0) {
    return this.add('DrugCase', { districtCode, caseNumber: `N${this.n}`, caseType: 'TRAFFICKING', filedAt, solvedAt, isTargetCase, manufacturingSitesDestroyed });
  }
  suspect(caseId: number, districtCode: string, personId: number, arrestedAt: D, arrestProvinceCode: D, isFugitive = false) {
    return this.add('CaseSuspect', { caseId, districtCode, personId, role: 'PRINCIPAL', arrestedAt, arrestProvinceCode, isFugitive });
  }
  seizure(caseId: number, districtCode: string, kind: string, substance: string, seizedAt: string, qty: number) {
    const [quantityGrams, quantityKg] = kind === 'DRUG' ? [qty, null] : [null, qty];
    return this.add('Seizure', { caseId, districtCode, kind, substance, seizedAt, quantityGrams, quantityKg });
  }
  permit(districtCode: string, issuedAt: string, quantityKg: number) {
    return this.add('PrecursorPermit', { districtCode, kind: 'PURCHASE', issuedAt, chemical: 'ACETONE', quantityKg });
  }
  programme(personId: number, districtCode: string, kind: string, orderedAt: string, reportedAt: D, endedAt: D = null, outcome: D = null) {
    return this.add('RehabProgramme', { personId, districtCode, kind, orderedAt, reportedAt, plannedEndAt: '2030-01-01', endedAt, outcome });
  }
  check(programmeId: number, personId: number, checkedAt: string, kind: string, result: string) {
    return this.add('FollowUpCheck', { programmeId, personId, checkedAt, kind, result });
  }
  caseworker(districtCode: string, isActive = true) {
    return this.add('Caseworker', { districtCode, name: 'caseworker', isActive });
  }
  assistance(personId: number, districtCode: string, kind: string, startedAt: string, endedAt: D, outcome: D) {
    return this.add('EmploymentAssistance', { personId, districtCode, kind, startedAt, endedAt, outcome });
  }
}

// The hand-made dataset; each row's comment says what it contributes.
async function insertHandMadeDataset(ds: DataSource): Promise<void> {
  const r = new Records(ds);
  const p1 = await r.person('640104'); // relapse after two years
  const p2 = await r.person('640104'); // last evidence one day before the cutoff: abstinent
  const p3 = await r.person('640104'); // last evidence exactly at the cutoff: not abstinent
  const p4 = await r.person('640105', '640104'); // household Xingqing 640104, lives in Xixia 640105
  const p5 = await r.person('640105'); // first detection on the period's last day
  const p6 = await r.person('640105'); // first detection the day before the period
  const p7 = await r.person('640105'); // first detection the day after the period
  const p8 = await r.person('640106', '640106', '2023-06-30'); // died before R: not registered
  const p9 = await r.person('640106', '640106', '2024-02-01'); // dies after R: still registered
  const p10 = await r.person('640302'); // Wuzhong, long abstinent
  const p11 = await r.person('610102'); // lives in Xi'an (Shaanxi): ignored by residence-based figures
  const p12 = await r.person('640106'); // trafficker arrested inside Ningxia
  const p13 = await r.person('640105', '640202'); // trafficker arrested outside (outflow); household elsewhere
  const p14 = await r.person('640202'); // suspect, fugitive
  const p15 = await r.person('610102'); // Xi'an trafficker arrested outside

  // detections (district = where detected)
  for (const [p, day] of [[p1, '2020-06-01'], [p2, '2020-12-30'], [p3, '2020-12-31']] as const) await r.detection(p, '640104', day);
  await r.detection(p4, '640104', '2023-01-01'); // first day: a detection in 640104, and P4 is new in 640105
  await r.detection(p4, '640105', '2023-08-01');
  await r.detection(p5, '640105', '2023-12-31'); // last day
  await r.detection(p6, '640105', '2022-12-31'); // day before: not counted, and P6 is not new
  await r.detection(p6, '640105', '2023-03-01');
  await r.detection(p7, '640105', '2024-01-01'); // day after: not counted, P7 not registered
  for (const [p, day] of [[p8, '2019-05-01'], [p9, '2022-05-01']] as const) await r.detection(p, '640106', day);
  await r.detection(p10, '640302', '2015-01-01');
  await r.detection(p11, '640104', '2023-04-01'); // a detection in 640104; P11's residence is outside

  // risk assessments
  await r.risk(p1, '2023-01-10', 'RED');
  await r.risk(p1, '2023-06-01', 'YELLOW'); // P1's latest: YELLOW
  await r.risk(p2, '2023-03-01', 'GREEN'); // P2's latest at R: GREEN ...
  await r.risk(p2, '2024-01-02', 'ORANGE'); // ... this one is after R
  await r.risk(p3, '2023-05-05', 'ORANGE');
  await r.risk(p3, '2023-05-05', 'RED'); // same day, higher id: P3 is RED
  await r.risk(p4, '2023-02-01', 'ORANGE'); // counted in 640105 (residence)
  await r.risk(p8, '2023-01-01', 'RED'); // dead at R: excluded
  await r.risk(p10, '2010-01-01', 'YELLOW'); // 640302
  await r.risk(p11, '2023-05-01', 'GREEN'); // outside resident: ignored

  // cases, suspects, seizures
  const c1 = await r.drugCase('640104', '2023-01-01', '2023-12-31', true, 2); // filed first day, solved last day, target
  const c2 = await r.drugCase('640104', '2022-12-31', '2023-06-01', false, 1); // solved only
  const c3 = await r.drugCase('640105', '2023-05-01', null); // filed only
  const c4 = await r.drugCase('640105', '2023-02-01', '2024-01-01', true, 3); // filed; solved the day after
  const c5 = await r.drugCase('640202', '2023-07-01', '2023-07-15'); // filed and solved, no sites
  await r.drugCase('640202', '2022-01-01', '2022-12-31', true, 5); // all before the period
  await r.suspect(c1, '640104', p12, '2023-03-01', '640000'); // arrested in Ningxia: not outflow
  await r.suspect(c1, '640104', p13, '2023-04-01', '510000'); // Sichuan: outflow
  await r.suspect(c2, '640104', p13, '2023-09-01', '530000', true); // Yunnan, fugitive; P13 again
  await r.suspect(c5, '640202', p14, '2022-12-31', '440000', true); // day before: nothing
  await r.suspect(c3, '640105', p12, null, null); // not arrested
  await r.suspect(c5, '640202', p14, '2023-12-31', null, true); // last day, fugitive, province unknown
  await r.suspect(c3, '640105', p15, '2023-05-01', '620000'); // arrested; outflow of a Xi'an resident: ignored
  await r.suspect(c4, '640105', p14, '2024-01-01', '610000'); // day after: nothing
  await r.seizure(c1, '640104', 'DRUG', 'HEROIN', '2023-01-01', 100); // 100 g x 1 = 100 g
  await r.seizure(c1, '640104', 'DRUG', 'KETAMINE', '2023-12-31', 500); // 500 g x 0.1 = 50 g
  await r.seizure(c2, '640104', 'DRUG', 'METHAMPHETAMINE', '2022-12-31', 1000); // day before
  await r.seizure(c3, '640105', 'DRUG', 'MDMA', '2023-06-01', 200); // 200 g x 0.5 = 100 g
  await r.seizure(c3, '640105', 'DRUG', 'SYNTHETIC_X', '2023-06-01', 300); // no factor: 0
  await r.seizure(c3, '640105', 'PRECURSOR', 'EPHEDRINE', '2023-06-01', 12.5); // 12.5 kg
  await r.seizure(c5, '640202', 'PRECURSOR', 'SAFROLE', '2024-01-01', 2.5); // day after

  // precursor permits: first and last day count, the day after and the day before do not
  for (const [code, day, kg] of [['640104', '2023-01-01', 2000], ['640104', '2023-12-31', 500.5], ['640104', '2024-01-01', 100], ['640202', '2022-12-31', 1000]] as const) {
    await r.permit(code, day, kg);
  }

  // rehabilitation programmes and follow-up checks
  const r1 = await r.programme(p1, '640104', 'COMMUNITY_DETOX', '2020-06-10', '2020-06-12'); // open at R
  await r.check(r1, p1, '2022-07-01', 'URINE_TEST', 'POSITIVE'); // relapse two years after the detection
  await r.check(r1, p1, '2024-01-10', 'URINE_TEST', 'POSITIVE'); // after R: ignored
  await r.programme(p1, '640105', 'COMMUNITY_REHAB', '2023-06-01', '2023-06-05'); // P1's second open one, the latest
  await r.programme(p3, '640104', 'COMMUNITY_REHAB', '2023-11-01', null); // ordered, never reported
  const r3 = await r.programme(p2, '640104', 'COMMUNITY_DETOX', '2021-01-05', '2021-01-06', '2023-01-01', 'COMPLETED');
  await r.check(r3, p2, '2022-01-01', 'URINE_TEST', 'NEGATIVE'); // negative: no evidence of use
  await r.check(r3, p2, '2022-06-01', 'VISIT', 'COMPLETED');
  await r.programme(p4, '640105', 'COMMUNITY_DETOX', '2023-01-02', '2023-01-03', '2023-05-01', 'ABSCONDED'); // absconded
  await r.programme(p6, '640105', 'COMMUNITY_DETOX', '2022-03-01', '2022-03-02', '2023-02-01', 'ABSCONDED'); // but ...
  await r.programme(p6, '640105', 'COMPULSORY_ISOLATION', '2023-03-05', '2023-03-10'); // ... re-ordered; an admission
  await r.programme(p5, '640105', 'COMPULSORY_ISOLATION', '2023-12-20', '2024-01-02'); // reported after R
  await r.programme(p13, '640105', 'COMMUNITY_DETOX', '2022-01-01', '2022-01-02', '2023-10-01', 'ABSCONDED'); // absconded:
  await r.programme(p13, '640105', 'COMPULSORY_ISOLATION', '2024-01-03', '2024-01-05'); // re-ordered only after R
  await r.programme(p9, '640106', 'COMPULSORY_ISOLATION', '2022-12-01', '2022-12-31', '2023-11-30', 'COMPLETED'); // day before
  await r.programme(p9, '640106', 'COMMUNITY_REHAB', '2023-12-31', '2023-12-31'); // ordered and reported on the last day
  await r.programme(p11, '640106', 'COMMUNITY_DETOX', '2023-02-01', '2023-02-02', '2024-01-05', 'ABSCONDED'); // after R
  await r.programme(p10, '640302', 'COMMUNITY_REHAB', '2019-12-31', '2020-01-02', '2022-12-31', 'COMPLETED'); // day before

  // caseworkers: 640104 two in post and one not; 640105 one; 640202 one; 640106 none
  for (const [code, active] of [['640104', true], ['640104', true], ['640104', false], ['640105', true], ['640202', true]] as const) {
    await r.caseworker(code, active);
  }

  // employment assistance (district = the record's own; the figures go by residence)
  await r.assistance(p1, '640104', 'JOB_PLACEMENT', '2023-01-01', null, 'EMPLOYED'); // first day; open at R
  await r.assistance(p1, '640104', 'VOCATIONAL_TRAINING', '2023-03-01', '2023-04-01', 'IN_TRAINING'); // same person
  await r.assistance(p3, '640104', 'SUBSIDY', '2022-12-31', '2023-12-31', 'SELF_EMPLOYED'); // day before; ends on R
  await r.assistance(p3, '640104', 'JOB_PLACEMENT', '2024-01-02', null, 'EMPLOYED'); // after R
  await r.assistance(p4, '640104', 'VOCATIONAL_TRAINING', '2023-12-31', null, null); // last day; P4 lives in 640105
  await r.assistance(p4, '640105', 'SUBSIDY', '2022-01-01', '2023-05-01', 'LIFTED_OUT_OF_POVERTY'); // not POVERTY_ALLEVIATION
  await r.assistance(p9, '640106', 'PUBLIC_WELFARE_POST', '2023-06-01', null, 'EMPLOYED');
  await r.assistance(p11, '640106', 'POVERTY_ALLEVIATION', '2023-01-01', '2023-06-01', 'LIFTED_OUT_OF_POVERTY'); // outside
  await r.assistance(p2, '640104', 'POVERTY_ALLEVIATION', '2022-01-01', '2023-12-31', 'LIFTED_OUT_OF_POVERTY'); // last day
  await r.assistance(p6, '640105', 'POVERTY_ALLEVIATION', '2021-01-01', '2024-01-01', 'LIFTED_OUT_OF_POVERTY'); // day after
  await r.assistance(p6, '640105', 'POVERTY_ALLEVIATION', '2021-01-01', '2023-06-01', 'DROPPED'); // not lifted
  await r.assistance(p10, '640302', 'POVERTY_ALLEVIATION', '2022-06-01', '2023-02-01', 'LIFTED_OUT_OF_POVERTY');
}

const risk = (red: number, orange: number, yellow: number, green: number) =>
  [['RED', red], ['ORANGE', orange], ['YELLOW', yellow], ['GREEN', green]].map(([colour, persons]) => ({ colour, persons }));
// A district with nothing at all: counts 0, rates null, all four colours present with 0.
const NOTHING = {
  from: '2023-01-01', to: '2023-12-31', heroinEquivalentTable: 'SPC-2016', casesFiled: 0, casesSolved: 0, targetCasesSolved: 0,
  suspectsArrested: 0, fugitivesArrested: 0, manufacturingSitesDestroyed: 0, seizedHeroinEquivalentKg: 0, precursorSeizedKg: 0,
  outflowTraffickers: 0, drugUseDetections: 0, newUsers: 0, registeredUsers: 0, newUserRate: null, abstinentThreeYears: 0,
  currentUsers: 0, abstinenceConsolidationRate: null, compulsoryIsolationAdmissions: 0, communityOrders: 0,
  communityExecutionRate: null, communityConsolidationRate: null, absconded: 0, usersPerCaseworker: null, employmentAssisted: 0,
  employedShare: null, liftedOutOfPoverty: 0, riskDistribution: risk(0, 0, 0, 0), precursorPermits: 0, precursorPermittedTonnes: 0,
};
const figures = (over: Partial<Record<keyof typeof NOTHING, unknown>>) => ({ ...NOTHING, ...over });
const close = (x: number) => expect.closeTo(x, 9);
const INT_FIELDS = (Object.keys(NOTHING) as Array<keyof typeof NOTHING>).filter((k) => NOTHING[k] === 0 && !/Kg|Tonnes/.test(k));

describe.each(testDatabases())('district indicators on $name', ({ target }) => {
  let ds: DataSource;
  let tree: DistrictTree;
  let result: Map<string, DistrictIndicators>;
  const at = (code: string) => result.get(code) as DistrictIndicators;
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await insertHandMadeDataset(ds);
    tree = await DistrictTree.load(ds);
    result = await computeIndicators(ds, tree, PERIOD);
  });
  afterAll(async () => ds?.destroy());

  it('returns every district of the tree; one without records has 0 counts and null rates', () => {
    expect([...result.keys()].sort()).toEqual(tree.all().map((d) => d.code).sort());
    expect(result.size).toBe(28);
    for (const code of ['640500', '640502', '640521', '640522']) expect(at(code)).toEqual(NOTHING); // Zhongwei: nothing
  });

  it('Xingqing 640104, worked out by hand', () => {
    expect(at('640104')).toEqual(figures({
      casesFiled: 1, casesSolved: 2, targetCasesSolved: 1, // C1 filed day one; C1 (last day) and C2 solved; C1 target
      manufacturingSitesDestroyed: 3, // C1 2 + C2 1
      suspectsArrested: 3, fugitivesArrested: 1, // P12, P13 on C1 and P13 on C2 (records); the C2 one a fugitive
      seizedHeroinEquivalentKg: close(0.15), // (100 g heroin x 1 + 500 g ketamine x 0.1) / 1000; the meth was the day before
      drugUseDetections: 2, // P4 on 2023-01-01 and P11 (a Xi'an resident) detected here
      registeredUsers: 3, newUsers: 0, newUserRate: 0, // P1, P2, P3 all first detected in 2020; 0 / 3 is 0, not null
      abstinentThreeYears: 1, currentUsers: 2, // P2 (2020-12-30 < 2020-12-31); P3 is at the cutoff; P1 relapsed 2022-07-01
      abstinenceConsolidationRate: close(1 / 3),
      communityOrders: 2, // P1's detox (open since 2020), P3's rehab (ordered 2023-11-01); P2's ended 2023-01-01
      communityExecutionRate: 0.5, // P3's was never reported: 1 / 2
      communityConsolidationRate: 1, // P2's ended on the first day, COMPLETED: 1 / 1
      usersPerCaseworker: 0.5, // open persons: P3 (P1 counts with his latest open programme, in 640105) / 2 in post
      employmentAssisted: 1, // P1 (two assistances, one person); P3's started the day before
      employedShare: 0, // P3: SELF_EMPLOYED ended on R, the job starts after R: 0 / 1
      liftedOutOfPoverty: 1, // P2 on the last day
      riskDistribution: risk(1, 0, 1, 1), // P3 RED (same-day tie, higher id), P1 YELLOW, P2 GREEN (ORANGE after R)
      precursorPermits: 2, precursorPermittedTonnes: close(2.5005), // (2000 + 500.5) kg / 1000
    }));
  });

  it('Xixia 640105, worked out by hand', () => {
    expect(at('640105')).toEqual(figures({
      casesFiled: 2, // C3, C4; C4 is solved (with its 3 sites and target flag) only the day after
      suspectsArrested: 1, // P15 on C3 (P12 not arrested, P14 the day after)
      seizedHeroinEquivalentKg: close(0.1), // 200 g MDMA x 0.5 / 1000; the unknown SYNTHETIC_X counts 0
      precursorSeizedKg: 12.5,
      outflowTraffickers: 1, // P13 lives here (household 640202), arrested in Sichuan and Yunnan: one person
      drugUseDetections: 3, // P4 2023-08-01, P5 on the last day, P6 2023-03-01
      registeredUsers: 3, newUsers: 2, newUserRate: close(2 / 3), // P4, P5 (first and last day), P6 (first seen before)
      currentUsers: 3, abstinenceConsolidationRate: 0,
      compulsoryIsolationAdmissions: 1, // P6 reported 2023-03-10; P5 reported after R
      communityOrders: 2, communityExecutionRate: 1, // P4's (ordered 2023-01-02), P1's rehab; both reported
      communityConsolidationRate: 0, // 3 ended in the period (P4, P6, P13), none COMPLETED: 0, not null
      absconded: 2, // P4; P13 (re-ordered only after R); not P6 (re-ordered before R)
      usersPerCaseworker: 1, employedShare: 1, // P1 / 1 caseworker; P1 employed since 2023-01-01
      employmentAssisted: 1, // P4 (the record is filed in 640104, counted by residence)
      riskDistribution: risk(0, 1, 0, 0), // P4
    }));
  });

  it('Jinfeng 640106 has denominators of 0: no caseworker, no community programme ended', () => {
    expect(at('640106')).toEqual(figures({
      registeredUsers: 1, currentUsers: 1, newUserRate: 0, abstinenceConsolidationRate: 0, // P9 (dies after R); P8 died before
      communityOrders: 2, communityExecutionRate: 1, // P9 (ordered and reported on the last day), P11 (absconds after R)
      communityConsolidationRate: null, // nothing ended (P9's compulsory programme is not community)
      usersPerCaseworker: null, // 2 open persons / 0 caseworkers
      employmentAssisted: 1, employedShare: 0.5, // P9 assisted and employed; P11 not employed: 1 / 2
    }));
  });

  it('Yinchuan 640100 equals the figures worked out directly from its rows', () => {
    expect(at('640100')).toEqual(figures({
      casesFiled: 3, casesSolved: 2, targetCasesSolved: 1, manufacturingSitesDestroyed: 3, suspectsArrested: 4,
      fugitivesArrested: 1, outflowTraffickers: 1, seizedHeroinEquivalentKg: close(0.25), precursorSeizedKg: 12.5,
      drugUseDetections: 5, registeredUsers: 7, newUsers: 2, newUserRate: close(2 / 7), abstinentThreeYears: 1, currentUsers: 6,
      abstinenceConsolidationRate: close(1 / 7), compulsoryIsolationAdmissions: 1,
      communityOrders: 6, communityExecutionRate: close(5 / 6), // only P3's of the 6 not reported
      communityConsolidationRate: 0.25, // 1 COMPLETED of 4 ended (not an average of 1, 0 and null)
      absconded: 2,
      usersPerCaseworker: close(4 / 3), // P3, P1, P9, P11 / 3 caseworkers (the county average would be 0.75)
      employmentAssisted: 3, employedShare: 0.5, // P1 and P9 of the 4
      liftedOutOfPoverty: 1, riskDistribution: risk(1, 1, 1, 1), precursorPermits: 2, precursorPermittedTonnes: close(2.5005),
    }));
  });

  it('Dawukou 640202 and Shizuishan 640200: cases but no users', () => {
    const expected = figures({
      casesFiled: 1, casesSolved: 1, // C5; the other case is all before the period
      suspectsArrested: 1, fugitivesArrested: 1, // P14 on the last day; the arrest the day before is not counted
      usersPerCaseworker: 0, // 0 open persons / 1 caseworker
    });
    expect(at('640202')).toEqual(expected);
    expect(at('640200')).toEqual(expected);
  });

  it('Ningxia 640000', () => {
    expect(at('640000')).toEqual(figures({
      casesFiled: 4, casesSolved: 3, targetCasesSolved: 1, manufacturingSitesDestroyed: 3, suspectsArrested: 5,
      fugitivesArrested: 2, outflowTraffickers: 1, seizedHeroinEquivalentKg: close(0.25), precursorSeizedKg: 12.5,
      drugUseDetections: 5, registeredUsers: 8, newUsers: 2, newUserRate: 0.25, // + P10 in Wuzhong
      abstinentThreeYears: 2, currentUsers: 6, abstinenceConsolidationRate: 0.25, // P2, P10
      compulsoryIsolationAdmissions: 1, communityOrders: 6, communityExecutionRate: close(5 / 6),
      communityConsolidationRate: 0.25, absconded: 2, usersPerCaseworker: 1, // 4 open persons / 4 caseworkers
      employmentAssisted: 3, employedShare: 0.5,
      liftedOutOfPoverty: 2, // P2 and P10 (P11 lives outside Ningxia)
      riskDistribution: risk(1, 1, 2, 1), // + P10 YELLOW
      precursorPermits: 2, precursorPermittedTonnes: close(2.5005),
    }));
    // Litong: P10 abstinent since 2015; the programme that ended the day before the period is no order
    expect(at('640302')).toMatchObject({ registeredUsers: 1, currentUsers: 0, abstinenceConsolidationRate: 1, communityOrders: 0 });
    expect(at('640302')).toMatchObject({ communityExecutionRate: null, communityConsolidationRate: null, liftedOutOfPoverty: 1 });
  });

  it('every city and the province sum their children; their rates are ratios of the summed parts', async () => {
    const sums = await computeIndicatorSums(ds, tree, PERIOD);
    for (const parent of tree.all().filter((d) => tree.children(d.code).length > 0)) {
      const children = tree.children(parent.code).map((c) => c.code);
      const num = (code: string, f: string) => (at(code) as unknown as Record<string, number>)[f];
      for (const f of INT_FIELDS) expect([parent.code, f, num(parent.code, f)]).toEqual([parent.code, f, children.reduce((n, c) => n + num(c, f), 0)]);
      const s = (f: SumField) => children.reduce((n, c) => n + (sums.get(c) as IndicatorSums)[f], 0);
      for (const f of SUM_FIELDS) expect((sums.get(parent.code) as IndicatorSums)[f]).toBeCloseTo(s(f), 9);
      const ratio = (a: SumField, b: SumField) => (s(b) === 0 ? null : s(a) / s(b));
      const p = at(parent.code);
      expect(p.newUserRate).toEqual(ratio('newUsers', 'registeredUsers'));
      expect(p.abstinenceConsolidationRate).toEqual(ratio('abstinentThreeYears', 'registeredUsers'));
      expect(p.communityExecutionRate).toEqual(ratio('communityOrdersExecuted', 'communityOrders'));
      expect(p.communityConsolidationRate).toEqual(ratio('communityCompleted', 'communityEnded'));
      expect(p.usersPerCaseworker).toEqual(ratio('openCommunityPersons', 'caseworkers'));
      expect(p.employedShare).toEqual(ratio('employedOpenCommunityPersons', 'openCommunityPersons'));
      p.riskDistribution.forEach((rc, i) => expect(rc.persons).toBe(children.reduce((n, c) => n + (at(c).riskDistribution[i].persons ?? 0), 0)));
    }
  });

  it('uses the heroin-equivalent table it is given, and names it', async () => {
    // Another table knowing only heroin (x2) and MDMA (x1): ketamine becomes unknown, factor 0. Integer
    // factors also check that SQLite does not divide integers as integers.
    await ds.query("INSERT INTO heroin_equivalent_factor (table_name, substance, factor, basis) VALUES ('TEST-ALT', 'HEROIN', 2, 't'), ('TEST-ALT', 'MDMA', 1, 't')");
    const alt = await computeIndicators(ds, tree, PERIOD, 'TEST-ALT');
    expect(alt.get('640104')?.seizedHeroinEquivalentKg).toBeCloseTo(0.2, 9); // 100 g x 2 / 1000
    expect(alt.get('640105')?.seizedHeroinEquivalentKg).toBeCloseTo(0.2, 9); // 200 g x 1 / 1000
    expect(alt.get('640000')).toMatchObject({ seizedHeroinEquivalentKg: close(0.4), heroinEquivalentTable: 'TEST-ALT' });
    await ds.query("DELETE FROM heroin_equivalent_factor WHERE table_name = 'TEST-ALT'");
  });
});

// A generated population: each person with a record of every kind, spread over the 22 counties.
async function insertPopulation(ds: DataSource, counties: string[], from: number, to: number): Promise<void> {
  const r = new Records(ds, 1000 * (from + 1));
  for (let i = from; i < to; i++) {
    const county = counties[i % counties.length];
    const day = `2023-${String((i % 12) + 1).padStart(2, '0')}-15`;
    const person = await r.person(county, counties[(i + 1) % counties.length]);
    await r.detection(person, county, day);
    await r.risk(person, day, ['RED', 'ORANGE', 'YELLOW', 'GREEN'][i % 4]);
    const programme = await r.programme(person, county, 'COMMUNITY_DETOX', day, i % 3 ? day : null, i % 5 ? null : '2023-12-01', i % 5 ? null : 'ABSCONDED');
    await r.check(programme, person, day, 'URINE_TEST', i % 2 ? 'POSITIVE' : 'NEGATIVE');
    const drugCase = await r.drugCase(county, day, day, i % 7 === 0, i % 3);
    await r.suspect(drugCase, county, person, day, i % 4 ? '640000' : '510000', i % 6 === 0);
    await r.seizure(drugCase, county, 'DRUG', 'METHAMPHETAMINE', day, 10 + i);
    await r.permit(county, day, 150);
    await r.caseworker(county);
    await r.assistance(person, county, 'JOB_PLACEMENT', day, null, 'EMPLOYED');
  }
}

describe.each(testDatabases())('district indicators statement count on $name', ({ target }) => {
  let ds: DataSource;
  beforeAll(async () => void (ds = await freshDatabase(target)));
  afterAll(async () => ds?.destroy());

  it('is the same for 10 persons as for 200: a constant number of grouped statements', async () => {
    const tree = await DistrictTree.load(ds);
    const counties = tree.byLevel(DistrictLevel.COUNTY).map((d) => d.code);
    const run = async () => {
      const counter = new StatementCount();
      const result = await trackStatements(counter, () => computeIndicators(ds, tree, PERIOD));
      return { statements: counter.statements, province: result.get('640000') as DistrictIndicators };
    };
    await insertPopulation(ds, counties, 0, 10);
    const small = await run();
    expect(small.province.registeredUsers).toBe(10);
    // integers must not be divided as integers (SQLite): 10 x 150 kg = 1.5 t; (10 + 11 + ... + 19) g meth x 1 = 0.145 kg
    expect(small.province.precursorPermittedTonnes).toBeCloseTo(1.5, 9);
    expect(small.province.seizedHeroinEquivalentKg).toBeCloseTo(0.145, 9);
    await insertPopulation(ds, counties, 10, 200);
    const large = await run();
    expect(large.province).toMatchObject({ registeredUsers: 200, drugUseDetections: 200 });
    // summary state 1, ledger 1, public security 6, justice 2, employment 1 (REFERENCE_STATEMENTS = 12 while stale)
    expect(small.statements).toBe(SUMMARY_STATEMENTS);
    expect(SUMMARY_STATEMENTS).toBe(11);
    expect(large.statements).toBe(small.statements);
  });
});
