import { Department } from '../common/department';
import { KindSpec, nullIfAbsent, RecordKind } from '../core/record-kind';
import { CaseSuspect } from './case-suspect.entity';
import { DrugCase } from './drug-case.entity';
import { DrugUseDetection } from './drug-use-detection.entity';
import { PrecursorPermit } from './precursor-permit.entity';
import { RiskAssessment } from './risk-assessment.entity';
import { Seizure } from './seizure.entity';
import { WastewaterSample } from './wastewater-sample.entity';
import {
  CaseSuspectInput, DrugCaseInput, DrugUseDetectionInput, PrecursorPermitInput, RiskAssessmentInput, SeizureInput, WastewaterSampleInput,
} from './public-security.inputs';

// Public security's records as it sends them (公安): the kinds of record the ingest pipeline accepts from it.
export const publicSecurityRecordKinds: KindSpec[] = [
  {
    kind: RecordKind.DRUG_CASE, department: Department.PUBLIC_SECURITY, slug: 'drug-cases', mutation: 'upsertDrugCases',
    description: 'Insert or update drug cases by source key; public security (写入毒品刑事案件)', listZh: '案件列表',
    input: DrugCaseInput, entity: DrugCase, hasPerson: false, refs: [],
    numbers: [], integers: ['manufacturingSitesDestroyed'], booleans: ['isTargetCase'],
    row: (i: DrugCaseInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, caseNumber: i.caseNumber, caseType: i.caseType, filedAt: i.filedAt,
      solvedAt: nullIfAbsent(i.solvedAt), isTargetCase: i.isTargetCase ?? false, manufacturingSitesDestroyed: i.manufacturingSitesDestroyed ?? 0,
    }),
  },
  {
    kind: RecordKind.CASE_SUSPECT, department: Department.PUBLIC_SECURITY, slug: 'case-suspects', mutation: 'upsertCaseSuspects',
    description: 'Insert or update case suspects; the case must have been sent (写入犯罪嫌疑人)', listZh: '嫌疑人列表',
    input: CaseSuspectInput, entity: CaseSuspect, hasPerson: true, refs: [{ field: 'caseSourceKey', target: RecordKind.DRUG_CASE, required: true }],
    numbers: [], integers: [], booleans: ['isFugitive'],
    row: (i: CaseSuspectInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.caseSourceKey!.districtCode, caseId: c.refs.caseSourceKey!.id, personId: c.personId,
      role: i.role, arrestedAt: nullIfAbsent(i.arrestedAt), arrestProvinceCode: nullIfAbsent(i.arrestProvinceCode), isFugitive: i.isFugitive ?? false,
    }),
  },
  {
    kind: RecordKind.SEIZURE, department: Department.PUBLIC_SECURITY, slug: 'seizures', mutation: 'upsertSeizures',
    description: 'Insert or update seizures; the case must have been sent (写入缴获)', listZh: '缴获列表',
    input: SeizureInput, entity: Seizure, hasPerson: false, refs: [{ field: 'caseSourceKey', target: RecordKind.DRUG_CASE, required: true }],
    numbers: ['quantityGrams', 'quantityKg'], integers: [], booleans: [],
    row: (i: SeizureInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.caseSourceKey!.districtCode, caseId: c.refs.caseSourceKey!.id, kind: i.kind,
      substance: i.substance, seizedAt: i.seizedAt, quantityGrams: nullIfAbsent(i.quantityGrams), quantityKg: nullIfAbsent(i.quantityKg),
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
];
