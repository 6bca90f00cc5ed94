// Plain row objects the generator produces, one type per entity, with the entities' property names.
// Ids are assigned by the generator (1..n per table) so children can reference parents directly;
// createdAt/updatedAt are left to the database defaults.
import { ObjectLiteral } from 'typeorm';
import { EmploymentAssistance } from '../employment/employment-assistance.entity';
import { Caseworker } from '../justice/caseworker.entity';
import { FollowUpCheck } from '../justice/follow-up-check.entity';
import { RehabCentre } from '../justice/rehab-centre.entity';
import { RehabProgramme } from '../justice/rehab-programme.entity';
import { Person } from '../core/person.entity';
import { EducationBase } from '../prevention/education-base.entity';
import { PublicityEvent } from '../prevention/publicity-event.entity';
import { SchoolSession } from '../prevention/school-session.entity';
import { CaseSuspect } from '../public-security/case-suspect.entity';
import { DrugCase } from '../public-security/drug-case.entity';
import { DrugUseDetection } from '../public-security/drug-use-detection.entity';
import { PrecursorPermit } from '../public-security/precursor-permit.entity';
import { RiskAssessment } from '../public-security/risk-assessment.entity';
import { Seizure } from '../public-security/seizure.entity';
import { WastewaterSample } from '../public-security/wastewater-sample.entity';

type Row<E, K extends keyof E> = Pick<E, K>;
type Record_ = 'id' | 'sourceKey' | 'districtCode';

export type PersonRow = Row<
  Person,
  'id' | 'idNumber' | 'name' | 'gender' | 'birthDate' | 'residenceDistrictCode' | 'householdDistrictCode' | 'deceasedAt'
>;
export type CaseworkerRow = Row<Caseworker, Record_ | 'name' | 'isActive'>;
export type RehabCentreRow = Row<RehabCentre, Record_ | 'name' | 'openedAt'>;
export type DrugCaseRow = Row<
  DrugCase,
  Record_ | 'caseNumber' | 'caseType' | 'filedAt' | 'solvedAt' | 'isTargetCase' | 'manufacturingSitesDestroyed'
>;
export type CaseSuspectRow = Row<
  CaseSuspect,
  Record_ | 'caseId' | 'personId' | 'role' | 'arrestedAt' | 'arrestProvinceCode' | 'isFugitive'
>;
export type SeizureRow = Row<Seizure, Record_ | 'caseId' | 'kind' | 'substance' | 'seizedAt' | 'quantityGrams' | 'quantityKg'>;
export type DrugUseDetectionRow = Row<
  DrugUseDetection,
  Record_ | 'personId' | 'detectedAt' | 'substance' | 'method' | 'disposition'
>;
export type RiskAssessmentRow = Row<RiskAssessment, Record_ | 'personId' | 'assessedAt' | 'riskColour' | 'controlColour'>;
export type WastewaterSampleRow = Row<
  WastewaterSample,
  Record_ | 'site' | 'sampledAt' | 'substance' | 'concentrationNgPerL' | 'flowM3PerDay' | 'populationServed'
>;
export type PrecursorPermitRow = Row<PrecursorPermit, Record_ | 'kind' | 'issuedAt' | 'chemical' | 'quantityKg'>;
export type RehabProgrammeRow = Row<
  RehabProgramme,
  | Record_
  | 'personId'
  | 'kind'
  | 'orderedAt'
  | 'reportedAt'
  | 'plannedEndAt'
  | 'endedAt'
  | 'outcome'
  | 'caseworkerId'
  | 'centreId'
>;
export type FollowUpCheckRow = Row<FollowUpCheck, Record_ | 'programmeId' | 'personId' | 'checkedAt' | 'kind' | 'result'>;
export type EmploymentAssistanceRow = Row<
  EmploymentAssistance,
  Record_ | 'personId' | 'kind' | 'startedAt' | 'endedAt' | 'provider' | 'subsidyAmountCny' | 'outcome'
>;

export type EducationBaseRow = Row<EducationBase, Record_ | 'name' | 'openedAt' | 'closedAt'>;
export type PublicityEventRow = Row<PublicityEvent, Record_ | 'title' | 'kind' | 'heldAt' | 'participants'>;
export type SchoolSessionRow = Row<SchoolSession, Record_ | 'school' | 'heldAt' | 'students' | 'quizTaken' | 'quizPassed'>;

export interface SyntheticData {
  person: PersonRow[];
  caseworker: CaseworkerRow[];
  rehabCentre: RehabCentreRow[];
  wastewaterSample: WastewaterSampleRow[];
  precursorPermit: PrecursorPermitRow[];
  drugCase: DrugCaseRow[];
  caseSuspect: CaseSuspectRow[];
  seizure: SeizureRow[];
  drugUseDetection: DrugUseDetectionRow[];
  riskAssessment: RiskAssessmentRow[];
  rehabProgramme: RehabProgrammeRow[];
  followUpCheck: FollowUpCheckRow[];
  employmentAssistance: EmploymentAssistanceRow[];
  educationBase: EducationBaseRow[];
  publicityEvent: PublicityEventRow[];
  schoolSession: SchoolSessionRow[];
}

export type TableKey = keyof SyntheticData;

export interface SeedTable {
  key: TableKey;
  table: string; // database table name
  entity: new () => ObjectLiteral;
}

// Insert order: every parent before its children. Delete order is the reverse.
export const SEED_TABLES: readonly SeedTable[] = [
  { key: 'person', table: 'person', entity: Person },
  { key: 'caseworker', table: 'caseworker', entity: Caseworker },
  { key: 'rehabCentre', table: 'rehab_centre', entity: RehabCentre },
  { key: 'wastewaterSample', table: 'wastewater_sample', entity: WastewaterSample },
  { key: 'precursorPermit', table: 'precursor_permit', entity: PrecursorPermit },
  { key: 'drugCase', table: 'drug_case', entity: DrugCase },
  { key: 'caseSuspect', table: 'case_suspect', entity: CaseSuspect },
  { key: 'seizure', table: 'seizure', entity: Seizure },
  { key: 'drugUseDetection', table: 'drug_use_detection', entity: DrugUseDetection },
  { key: 'riskAssessment', table: 'risk_assessment', entity: RiskAssessment },
  { key: 'rehabProgramme', table: 'rehab_programme', entity: RehabProgramme },
  { key: 'followUpCheck', table: 'follow_up_check', entity: FollowUpCheck },
  { key: 'employmentAssistance', table: 'employment_assistance', entity: EmploymentAssistance },
  { key: 'educationBase', table: 'education_base', entity: EducationBase },
  { key: 'publicityEvent', table: 'publicity_event', entity: PublicityEvent },
  { key: 'schoolSession', table: 'school_session', entity: SchoolSession },
];

export function emptyData(): SyntheticData {
  return {
    person: [],
    caseworker: [],
    rehabCentre: [],
    wastewaterSample: [],
    precursorPermit: [],
    drugCase: [],
    caseSuspect: [],
    seizure: [],
    drugUseDetection: [],
    riskAssessment: [],
    rehabProgramme: [],
    followUpCheck: [],
    employmentAssistance: [],
    educationBase: [],
    publicityEvent: [],
    schoolSession: [],
  };
}

// Department-style source keys, unique per table: GA = 公安 public security, SF = 司法 justice,
// RS = 人社 employment bureau, JD = 禁毒办 the anti-drug office's prevention and education work.
export const SOURCE_KEY_PREFIX: Record<Exclude<TableKey, 'person'>, string> = {
  caseworker: 'SF-CW',
  rehabCentre: 'SF-CTR',
  wastewaterSample: 'GA-WW',
  precursorPermit: 'GA-PERMIT',
  drugCase: 'GA-CASE',
  caseSuspect: 'GA-SUSP',
  seizure: 'GA-SEIZ',
  drugUseDetection: 'GA-DET',
  riskAssessment: 'GA-RISK',
  rehabProgramme: 'SF-PROG',
  followUpCheck: 'SF-CHK',
  employmentAssistance: 'RS-EMP',
  educationBase: 'JD-BASE',
  publicityEvent: 'JD-EVT',
  schoolSession: 'JD-SCH',
};

export function sourceKey(key: Exclude<TableKey, 'person'>, id: number): string {
  return `${SOURCE_KEY_PREFIX[key]}-${String(id).padStart(7, '0')}`;
}
