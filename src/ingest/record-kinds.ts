// One entry per kind of record a department sends: its input class, table, references to other
// records (by source key), and how a validated input becomes a row of the entity.
import { getMetadataStorage } from 'class-validator';
import { EmploymentAssistance } from '../employment/employment-assistance.entity';
import { Caseworker } from '../justice/caseworker.entity';
import { FollowUpCheck } from '../justice/follow-up-check.entity';
import { RehabCentre } from '../justice/rehab-centre.entity';
import { RehabProgramme } from '../justice/rehab-programme.entity';
import { CaseSuspect } from '../public-security/case-suspect.entity';
import { DrugCase } from '../public-security/drug-case.entity';
import { DrugUseDetection } from '../public-security/drug-use-detection.entity';
import { PrecursorPermit } from '../public-security/precursor-permit.entity';
import { RiskAssessment } from '../public-security/risk-assessment.entity';
import { Seizure } from '../public-security/seizure.entity';
import { WastewaterSample } from '../public-security/wastewater-sample.entity';
import { Department, RecordKind } from './ingest.enums';
import { EmploymentAssistanceInput } from './inputs/employment.inputs';
import { CaseworkerInput, FollowUpCheckInput, RehabCentreInput, RehabProgrammeInput } from './inputs/justice.inputs';
import {
  CaseSuspectInput, DrugCaseInput, DrugUseDetectionInput, PrecursorPermitInput, RiskAssessmentInput, SeizureInput, WastewaterSampleInput,
} from './inputs/public-security.inputs';

// A record found by the source key an input refers to.
export interface RefRow {
  id: number;
  districtCode: string;
  personId: number | null;
}

export interface RefSpec {
  field: string; // input property holding the other record's source key
  target: RecordKind;
  required: boolean;
}

export interface RowContext {
  personId: number | null;
  refs: Record<string, RefRow | null>;
}

export interface KindSpec {
  kind: RecordKind;
  department: Department;
  slug: string; // --kind on the command line, ?kind= over HTTP
  mutation: string; // the GraphQL mutation generated for the kind (upsert-mutations.ts)
  description: string; // of the mutation
  listZh: string; // the input list, in Chinese, for the argument's description
  input: new () => object;
  entity: new () => object;
  hasPerson: boolean;
  refs: RefSpec[];
  // fields that arrive as text in CSV and need converting
  numbers: string[];
  integers: string[];
  booleans: string[];
  // entity property -> value, without id and timestamps; districtCode included
  row(input: any, ctx: RowContext): Record<string, unknown>;
}

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

const SPECS: KindSpec[] = [
  {
    kind: RecordKind.DRUG_CASE, department: Department.PUBLIC_SECURITY, slug: 'drug-cases', mutation: 'upsertDrugCases',
    description: 'Insert or update drug cases by source key; public security (写入毒品刑事案件)', listZh: '案件列表',
    input: DrugCaseInput, entity: DrugCase, hasPerson: false, refs: [],
    numbers: [], integers: ['manufacturingSitesDestroyed'], booleans: ['isTargetCase'],
    row: (i: DrugCaseInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, caseNumber: i.caseNumber, caseType: i.caseType, filedAt: i.filedAt,
      solvedAt: n(i.solvedAt), isTargetCase: i.isTargetCase ?? false, manufacturingSitesDestroyed: i.manufacturingSitesDestroyed ?? 0,
    }),
  },
  {
    kind: RecordKind.CASE_SUSPECT, department: Department.PUBLIC_SECURITY, slug: 'case-suspects', mutation: 'upsertCaseSuspects',
    description: 'Insert or update case suspects; the case must have been sent (写入犯罪嫌疑人)', listZh: '嫌疑人列表',
    input: CaseSuspectInput, entity: CaseSuspect, hasPerson: true, refs: [{ field: 'caseSourceKey', target: RecordKind.DRUG_CASE, required: true }],
    numbers: [], integers: [], booleans: ['isFugitive'],
    row: (i: CaseSuspectInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.caseSourceKey!.districtCode, caseId: c.refs.caseSourceKey!.id, personId: c.personId,
      role: i.role, arrestedAt: n(i.arrestedAt), arrestProvinceCode: n(i.arrestProvinceCode), isFugitive: i.isFugitive ?? false,
    }),
  },
  {
    kind: RecordKind.SEIZURE, department: Department.PUBLIC_SECURITY, slug: 'seizures', mutation: 'upsertSeizures',
    description: 'Insert or update seizures; the case must have been sent (写入缴获)', listZh: '缴获列表',
    input: SeizureInput, entity: Seizure, hasPerson: false, refs: [{ field: 'caseSourceKey', target: RecordKind.DRUG_CASE, required: true }],
    numbers: ['quantityGrams', 'quantityKg'], integers: [], booleans: [],
    row: (i: SeizureInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.caseSourceKey!.districtCode, caseId: c.refs.caseSourceKey!.id, kind: i.kind,
      substance: i.substance, seizedAt: i.seizedAt, quantityGrams: n(i.quantityGrams), quantityKg: n(i.quantityKg),
    }),
  },
  {
    kind: RecordKind.DRUG_USE_DETECTION, department: Department.PUBLIC_SECURITY, slug: 'drug-use-detections', mutation: 'upsertDrugUseDetections',
    description: 'Insert or update drug-use detections (写入查处吸毒)', listZh: '查处列表',
    input: DrugUseDetectionInput, entity: DrugUseDetection, hasPerson: true, refs: [],
    numbers: [], integers: [], booleans: [],
    row: (i: DrugUseDetectionInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, detectedAt: i.detectedAt, substance: i.substance,
      method: i.method, disposition: i.disposition,
    }),
  },
  {
    kind: RecordKind.RISK_ASSESSMENT, department: Department.PUBLIC_SECURITY, slug: 'risk-assessments', mutation: 'upsertRiskAssessments',
    description: 'Insert or update risk assessments (写入风险评估)', listZh: '评估列表',
    input: RiskAssessmentInput, entity: RiskAssessment, hasPerson: true, refs: [],
    numbers: [], integers: [], booleans: [],
    row: (i: RiskAssessmentInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, assessedAt: i.assessedAt, riskColour: i.riskColour,
      controlColour: i.controlColour,
    }),
  },
  {
    kind: RecordKind.WASTEWATER_SAMPLE, department: Department.PUBLIC_SECURITY, slug: 'wastewater-samples', mutation: 'upsertWastewaterSamples',
    description: 'Insert or update wastewater samples (写入污水监测)', listZh: '样本列表',
    input: WastewaterSampleInput, entity: WastewaterSample, hasPerson: false, refs: [],
    numbers: ['concentrationNgPerL', 'flowM3PerDay'], integers: ['populationServed'], booleans: [],
    row: (i: WastewaterSampleInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, site: i.site, sampledAt: i.sampledAt, substance: i.substance,
      concentrationNgPerL: i.concentrationNgPerL, flowM3PerDay: i.flowM3PerDay, populationServed: i.populationServed,
    }),
  },
  {
    kind: RecordKind.PRECURSOR_PERMIT, department: Department.PUBLIC_SECURITY, slug: 'precursor-permits', mutation: 'upsertPrecursorPermits',
    description: 'Insert or update precursor-chemical permits (写入易制毒化学品许可)', listZh: '许可列表',
    input: PrecursorPermitInput, entity: PrecursorPermit, hasPerson: false, refs: [],
    numbers: ['quantityKg'], integers: [], booleans: [],
    row: (i: PrecursorPermitInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, kind: i.kind, issuedAt: i.issuedAt, chemical: i.chemical, quantityKg: i.quantityKg,
    }),
  },
  {
    kind: RecordKind.REHAB_PROGRAMME, department: Department.JUSTICE, slug: 'rehab-programmes', mutation: 'upsertRehabProgrammes',
    description: 'Insert or update rehabilitation programmes; justice (写入戒毒康复)', listZh: '康复列表',
    input: RehabProgrammeInput, entity: RehabProgramme, hasPerson: true,
    refs: [
      { field: 'caseworkerSourceKey', target: RecordKind.CASEWORKER, required: false },
      { field: 'centreSourceKey', target: RecordKind.REHAB_CENTRE, required: false },
    ],
    numbers: [], integers: [], booleans: [],
    row: (i: RehabProgrammeInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, kind: i.kind, orderedAt: i.orderedAt,
      reportedAt: n(i.reportedAt), plannedEndAt: i.plannedEndAt, endedAt: n(i.endedAt), outcome: n(i.outcome),
      caseworkerId: c.refs.caseworkerSourceKey?.id ?? null, centreId: c.refs.centreSourceKey?.id ?? null,
    }),
  },
  {
    kind: RecordKind.FOLLOW_UP_CHECK, department: Department.JUSTICE, slug: 'follow-up-checks', mutation: 'upsertFollowUpChecks',
    description: 'Insert or update follow-up checks; the programme must have been sent (写入帮扶/检测)', listZh: '检测列表',
    input: FollowUpCheckInput, entity: FollowUpCheck, hasPerson: false,
    refs: [{ field: 'programmeSourceKey', target: RecordKind.REHAB_PROGRAMME, required: true }],
    numbers: [], integers: [], booleans: [],
    row: (i: FollowUpCheckInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.programmeSourceKey!.districtCode, programmeId: c.refs.programmeSourceKey!.id,
      personId: c.refs.programmeSourceKey!.personId, checkedAt: i.checkedAt, kind: i.kind, result: i.result,
    }),
  },
  {
    kind: RecordKind.CASEWORKER, department: Department.JUSTICE, slug: 'caseworkers', mutation: 'upsertCaseworkers',
    description: 'Insert or update caseworkers (写入禁毒专干)', listZh: '专干列表',
    input: CaseworkerInput, entity: Caseworker, hasPerson: false, refs: [],
    numbers: [], integers: [], booleans: ['isActive'],
    row: (i: CaseworkerInput) => ({ sourceKey: i.sourceKey, districtCode: i.districtCode, name: i.name, isActive: i.isActive ?? true }),
  },
  {
    kind: RecordKind.REHAB_CENTRE, department: Department.JUSTICE, slug: 'rehab-centres', mutation: 'upsertRehabCentres',
    description: 'Insert or update community rehab centres (写入社区戒毒康复工作中心)', listZh: '中心列表',
    input: RehabCentreInput, entity: RehabCentre, hasPerson: false, refs: [],
    numbers: [], integers: [], booleans: [],
    row: (i: RehabCentreInput) => ({ sourceKey: i.sourceKey, districtCode: i.districtCode, name: i.name, openedAt: n(i.openedAt) }),
  },
  {
    kind: RecordKind.EMPLOYMENT_ASSISTANCE, department: Department.EMPLOYMENT, slug: 'employment-assistances', mutation: 'upsertEmploymentAssistances',
    description: 'Insert or update employment assistance; employment bureau (写入就业帮扶)', listZh: '帮扶列表',
    input: EmploymentAssistanceInput, entity: EmploymentAssistance, hasPerson: true, refs: [],
    numbers: ['subsidyAmountCny'], integers: [], booleans: [],
    row: (i: EmploymentAssistanceInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, kind: i.kind, startedAt: i.startedAt,
      endedAt: n(i.endedAt), provider: n(i.provider), subsidyAmountCny: n(i.subsidyAmountCny), outcome: n(i.outcome),
    }),
  },
];

export const KIND_SPECS: ReadonlyMap<RecordKind, KindSpec> = new Map(SPECS.map((s) => [s.kind, s]));

export function specOf(kind: RecordKind): KindSpec {
  return KIND_SPECS.get(kind)!;
}

// 'drug-cases', 'DRUG_CASE' or 'drug_case' -> RecordKind; undefined when unknown.
export function parseKind(text: unknown): RecordKind | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  const bySlug = SPECS.find((s) => s.slug === t.toLowerCase());
  if (bySlug) return bySlug.kind;
  const upper = t.toUpperCase().replace(/-/g, '_');
  return upper in RecordKind ? (upper as RecordKind) : undefined;
}

// The input fields of a kind (every field carries at least one validation decorator).
const fieldCache = new Map<RecordKind, ReadonlySet<string>>();
export function inputFields(spec: KindSpec): ReadonlySet<string> {
  let set = fieldCache.get(spec.kind);
  if (!set) {
    set = new Set(getMetadataStorage().getTargetValidationMetadatas(spec.input, '', true, false).map((m) => m.propertyName));
    fieldCache.set(spec.kind, set);
  }
  return set;
}
