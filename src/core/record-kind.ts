import { registerEnumType } from 'type-graphql';
import { Department } from '../common/department';

// Every kind of record a department sends; the value names the GraphQL input and the CLI's --kind.
export enum RecordKind {
  DRUG_CASE = 'DRUG_CASE',
  CASE_SUSPECT = 'CASE_SUSPECT',
  SEIZURE = 'SEIZURE',
  DRUG_USE_DETECTION = 'DRUG_USE_DETECTION',
  RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  WASTEWATER_SAMPLE = 'WASTEWATER_SAMPLE',
  PRECURSOR_PERMIT = 'PRECURSOR_PERMIT',
  REHAB_PROGRAMME = 'REHAB_PROGRAMME',
  FOLLOW_UP_CHECK = 'FOLLOW_UP_CHECK',
  CASEWORKER = 'CASEWORKER',
  REHAB_CENTRE = 'REHAB_CENTRE',
  EMPLOYMENT_ASSISTANCE = 'EMPLOYMENT_ASSISTANCE',
  EDUCATION_BASE = 'EDUCATION_BASE',
  PUBLICITY_EVENT = 'PUBLICITY_EVENT',
  SCHOOL_SESSION = 'SCHOOL_SESSION',
}
registerEnumType(RecordKind, {
  name: 'RecordKind',
  description: 'Kind of department record that can be imported (导入记录类型)',
  valuesConfig: {
    DRUG_CASE: { description: 'Drug criminal case, public security (毒品刑事案件)' },
    CASE_SUSPECT: { description: 'Suspect of a case, public security (犯罪嫌疑人)' },
    SEIZURE: { description: 'Seizure in a case, public security (缴获)' },
    DRUG_USE_DETECTION: { description: 'Drug-use detection, public security (查处吸毒)' },
    RISK_ASSESSMENT: { description: 'Risk assessment, public security (风险评估)' },
    WASTEWATER_SAMPLE: { description: 'Wastewater sample, public security (污水监测)' },
    PRECURSOR_PERMIT: { description: 'Precursor-chemical permit, public security (易制毒化学品许可)' },
    REHAB_PROGRAMME: { description: 'Rehabilitation programme, justice (戒毒康复)' },
    FOLLOW_UP_CHECK: { description: 'Follow-up check, justice (帮扶/检测)' },
    CASEWORKER: { description: 'Anti-drug caseworker, justice (禁毒专干)' },
    REHAB_CENTRE: { description: 'Community rehab centre, justice (社区戒毒康复工作中心)' },
    EMPLOYMENT_ASSISTANCE: { description: 'Employment assistance, employment bureau (就业帮扶)' },
    EDUCATION_BASE: { description: 'Anti-drug education base, prevention (禁毒科普教育基地)' },
    PUBLICITY_EVENT: { description: 'Anti-drug publicity event, prevention (禁毒宣传活动)' },
    SCHOOL_SESSION: { description: 'School anti-drug lesson, prevention (学校禁毒教育课)' },
  },
});

// How a department declares a kind of record it sends (its module's recordKinds): the input class,
// table, references to other records (by source key), and how a validated input becomes a row.
// src/ingest runs every declared kind through the same pipeline and generates its mutation.
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

export const nullIfAbsent = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
