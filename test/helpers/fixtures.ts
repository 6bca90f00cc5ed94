import { DataSource, ObjectLiteral } from 'typeorm';
import { makeIdNumber } from '../../src/common/id-number';
import { refreshPersonIndicatorsNow } from '../../src/indicators/summary/summary.store';
import { EmploymentAssistance } from '../../src/employment/employment-assistance.entity';
import { FollowUpCheck } from '../../src/justice/follow-up-check.entity';
import { RehabProgramme } from '../../src/justice/rehab-programme.entity';
import { Person } from '../../src/core/person.entity';
import { DrugUseDetection } from '../../src/public-security/drug-use-detection.entity';
import { RiskAssessment } from '../../src/public-security/risk-assessment.entity';

// Small hand-made records with sensible defaults, for tests whose expected values are worked out by hand.
export class Fixtures {
  private seq = 0;
  constructor(private readonly ds: DataSource) {}

  private async insert<T extends ObjectLiteral>(entity: new () => T, row: Partial<T>): Promise<T> {
    const saved = await this.ds.getRepository(entity).save(this.ds.getRepository(entity).create(row as T));
    // rows written directly must refresh the indicator ledger, as every write path of the service does
    const personId = entity === (Person as unknown) ? (saved as unknown as Person).id : (saved as { personId?: number }).personId;
    if (personId !== undefined) await refreshPersonIndicatorsNow(this.ds, [personId]);
    return saved;
  }

  private key(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.seq}`;
  }

  person(p: { county?: string; household?: string; birthDate?: string; name?: string; deceasedAt?: string | null } = {}): Promise<Person> {
    const county = p.county ?? '640104';
    const birthDate = p.birthDate ?? '1990-05-01';
    this.seq += 1;
    return this.insert(Person, {
      idNumber: makeIdNumber(county, birthDate, this.seq % 1000),
      name: p.name ?? `测试${this.seq}`,
      gender: this.seq % 2 ? 'MALE' : 'FEMALE',
      birthDate,
      residenceDistrictCode: county,
      householdDistrictCode: p.household ?? county,
      deceasedAt: p.deceasedAt ?? null,
    } as Partial<Person>);
  }

  detection(person: Person, detectedAt: string, over: Partial<DrugUseDetection> = {}): Promise<DrugUseDetection> {
    return this.insert(DrugUseDetection, {
      sourceKey: this.key('DET'), personId: person.id, districtCode: person.residenceDistrictCode, detectedAt,
      substance: 'METHAMPHETAMINE', method: 'URINE', disposition: 'COMMUNITY_DETOX_ORDER', ...over,
    } as Partial<DrugUseDetection>);
  }

  risk(person: Person, assessedAt: string, riskColour: string, over: Partial<RiskAssessment> = {}): Promise<RiskAssessment> {
    return this.insert(RiskAssessment, {
      sourceKey: this.key('RISK'), personId: person.id, districtCode: person.residenceDistrictCode, assessedAt,
      riskColour, controlColour: riskColour, ...over,
    } as Partial<RiskAssessment>);
  }

  programme(person: Person, kind: string, orderedAt: string, over: Partial<RehabProgramme> = {}): Promise<RehabProgramme> {
    return this.insert(RehabProgramme, {
      sourceKey: this.key('PROG'), personId: person.id, districtCode: person.residenceDistrictCode, kind, orderedAt,
      reportedAt: orderedAt, plannedEndAt: '2030-01-01', endedAt: null, outcome: null, caseworkerId: null, centreId: null, ...over,
    } as Partial<RehabProgramme>);
  }

  check(programme: RehabProgramme, checkedAt: string, result: string, over: Partial<FollowUpCheck> = {}): Promise<FollowUpCheck> {
    return this.insert(FollowUpCheck, {
      sourceKey: this.key('CHK'), programmeId: programme.id, personId: programme.personId, districtCode: programme.districtCode,
      checkedAt, kind: 'URINE_TEST', result, ...over,
    } as Partial<FollowUpCheck>);
  }

  assistance(person: Person, kind: string, startedAt: string, over: Partial<EmploymentAssistance> = {}): Promise<EmploymentAssistance> {
    return this.insert(EmploymentAssistance, {
      sourceKey: this.key('EMP'), personId: person.id, districtCode: person.residenceDistrictCode, kind, startedAt,
      endedAt: null, provider: null, subsidyAmountCny: null, outcome: null, ...over,
    } as Partial<EmploymentAssistance>);
  }
}
