/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on audit events (审计事件筛选条件) */
export type AuditEventFilter = {
  /** From this instant, ISO 8601, inclusive (起始时间) */
  from?: string | null | undefined;
  /** Only this outcome (结果) */
  outcome?: AuditOutcome | null | undefined;
  /** Events that returned this person (被访问人员编号) */
  personId?: string | number | null | undefined;
  /** Events of this token subject (访问主体) */
  subject?: string | null | undefined;
  /** Up to this instant, ISO 8601, inclusive (截止时间) */
  to?: string | null | undefined;
};

/** What happened to an audited operation (审计结果) */
export type AuditOutcome =
  /** Answered in full (允许) */
  | 'ALLOWED'
  /** Refused (拒绝) */
  | 'DENIED'
  /** Answered with some fields refused or failed (部分允许) */
  | 'PARTIAL';

/** The department that owns a record (数据来源部门) */
export type Department =
  /** Employment bureau (人社) */
  | 'EMPLOYMENT'
  /** Justice administration (司法行政) */
  | 'JUSTICE'
  /** Prevention and education: education bases, publicity, schools (禁毒宣传教育) */
  | 'PREVENTION'
  /** Public security (公安) */
  | 'PUBLIC_SECURITY';

/** Administrative level of a district (行政区划级别) */
export type DistrictLevel =
  /** Prefecture-level city (地级市) */
  | 'CITY'
  /** County, county-level city or urban district (县级) */
  | 'COUNTY'
  /** Province or autonomous region (省级) */
  | 'PROVINCE'
  /** Township or street (乡镇/街道) */
  | 'TOWNSHIP';

/** Gender as encoded in the ID number (性别) */
export type Gender =
  /** Female (女) */
  | 'FEMALE'
  /** Male (男) */
  | 'MALE';

/** A personal detail on which departments can disagree (身份信息字段) */
export type IdentityField =
  /** Birth date (出生日期) */
  | 'BIRTH_DATE'
  /** Name (姓名) */
  | 'NAME'
  /** Residence district code (居住地区划代码) */
  | 'RESIDENCE_DISTRICT';

/** What a joint report covers (联合报表参数) */
export type JointReportInput = {
  /** A period to compare with, e.g. the year before; may differ in length, which the notes then say (对比期间) */
  compareTo?: PeriodInput | null | undefined;
  /** Column keys: the fields of DistrictIndicators (riskDistribution gives its four colours) and the columns of the departments' own groups, as metadata.indicators lists them; default all (指标) */
  indicators?: Array<string> | null | undefined;
  /** A row per district of this level; default CITY (行级别) */
  level?: ReportLevel | null | undefined;
  /** The district the rows are below and the total is for; a province, or a city for level COUNTY; default 640000 (上级区划代码) */
  parentCode?: string | null | undefined;
  /** The report period, both days inclusive (统计期间) */
  period: PeriodInput;
};

/** A period of whole days, both ends inclusive (统计期间) */
export type PeriodInput = {
  /** First day, inclusive (起始日期) */
  from: string;
  /** Last day, inclusive; the reference date of stock figures (截止日期) */
  to: string;
};

/** Filters on persons; all given conditions must hold (人员筛选条件) */
export type PersonFilter = {
  /** Reference date for status, risk and programme conditions; default today (参照日期) */
  asOf?: string | null | undefined;
  /** Born on or after this day (出生日期起) */
  bornFrom?: string | null | undefined;
  /** Born on or before this day (出生日期止) */
  bornTo?: string | null | undefined;
  /** Residence in this district or any district below it (居住地区划, 含下级) */
  districtCode?: string | null | undefined;
  /** In (true) or not in (false) a programme open at asOf (是否在戒毒康复中) */
  inOpenProgramme?: boolean | null | undefined;
  /** Colour of the latest risk assessment on or before asOf (最新风险颜色) */
  latestRiskColour?: RiskColour | null | undefined;
  /** Drug-user status at asOf (吸毒人员状态) */
  userStatus?: UserStatus | null | undefined;
};

/** Kind of department record that can be imported (导入记录类型) */
export type RecordKind =
  /** Anti-drug caseworker, justice (禁毒专干) */
  | 'CASEWORKER'
  /** Suspect of a case, public security (犯罪嫌疑人) */
  | 'CASE_SUSPECT'
  /** Drug criminal case, public security (毒品刑事案件) */
  | 'DRUG_CASE'
  /** Drug-use detection, public security (查处吸毒) */
  | 'DRUG_USE_DETECTION'
  /** Anti-drug education base, prevention (禁毒科普教育基地) */
  | 'EDUCATION_BASE'
  /** Employment assistance, employment bureau (就业帮扶) */
  | 'EMPLOYMENT_ASSISTANCE'
  /** Follow-up check, justice (帮扶/检测) */
  | 'FOLLOW_UP_CHECK'
  /** Precursor-chemical permit, public security (易制毒化学品许可) */
  | 'PRECURSOR_PERMIT'
  /** Anti-drug publicity event, prevention (禁毒宣传活动) */
  | 'PUBLICITY_EVENT'
  /** Community rehab centre, justice (社区戒毒康复工作中心) */
  | 'REHAB_CENTRE'
  /** Rehabilitation programme, justice (戒毒康复) */
  | 'REHAB_PROGRAMME'
  /** Risk assessment, public security (风险评估) */
  | 'RISK_ASSESSMENT'
  /** School anti-drug lesson, prevention (学校禁毒教育课) */
  | 'SCHOOL_SESSION'
  /** Seizure in a case, public security (缴获) */
  | 'SEIZURE'
  /** Wastewater sample, public security (污水监测) */
  | 'WASTEWATER_SAMPLE';

/** Level of the districts a joint report has one row for (报表行政区划级别) */
export type ReportLevel =
  /** A row per prefecture-level city (按地级市) */
  | 'CITY'
  /** A row per county, county-level city or urban district (按县区) */
  | 'COUNTY';

/** Colour of the "dual four-colour" dynamic control (双四色动态管控) */
export type RiskColour =
  /** Green, lowest risk (绿) */
  | 'GREEN'
  /** Orange (橙) */
  | 'ORANGE'
  /** Red, highest risk (红) */
  | 'RED'
  /** Yellow (黄) */
  | 'YELLOW';

/** Role of a user, carried in the token (角色) */
export type Role =
  /** Administrator: everything, still audited (管理员) */
  | 'ADMIN'
  /** Auditor: the audit trail only (审计) */
  | 'AUDITOR'
  /** Employment bureau officer (人社) */
  | 'EMPLOYMENT'
  /** Justice administration officer (司法行政) */
  | 'JUSTICE'
  /** Provincial anti-drug office: aggregates and reports only (禁毒办) */
  | 'PROVINCIAL_OFFICE'
  /** Public security officer (公安) */
  | 'PUBLIC_SECURITY';

/** Drug-user status at a reference date, as defined for the indicators (吸毒人员状态) */
export type UserStatus =
  /** Registered, last evidence of use more than 3 years before the date (戒断三年未复吸) */
  | 'ABSTINENT_THREE_YEARS'
  /** Registered and not three-year abstinent (现有吸毒人员) */
  | 'CURRENT_USER'
  /** Living, with at least one detection on or before the date (登记在册吸毒人员) */
  | 'REGISTERED_USER';

export type AuditLookupQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLookupQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { seq: string, occurredAt: string, operationName: string | null, purpose: string | null, outcome: AuditOutcome, personCount: number, personIds: Array<string>, hash: string, subject: { sub: string, role: Role, district: string } } }> } };

export type DistrictDashboardQueryVariables = Exact<{
  level?: DistrictLevel | null | undefined;
  parentCode?: string | null | undefined;
  period: PeriodInput;
}>;


export type DistrictDashboardQuery = { districts: Array<{ code: string, name: string, level: DistrictLevel, indicators: { from: string, to: string, heroinEquivalentTable: string, casesFiled: number, casesSolved: number, targetCasesSolved: number, manufacturingSitesDestroyed: number, seizedHeroinEquivalentKg: number, precursorSeizedKg: number, precursorPermits: number, precursorPermittedTonnes: number } | null }> };

export type ImportStatusQueryVariables = Exact<{
  department: Department;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImportStatusQuery = { rejectedRecords: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, source: string, rowNumber: number, recordKind: RecordKind | null, receivedAt: string, raw: string, reasons: Array<{ field: string, rule: string, message: string }> }> }, identityConflicts: { totalCount: number, nodes: Array<{ id: string, field: IdentityField, departmentA: Department, valueA: string, departmentB: Department, valueB: string, detectedAt: string }> } };

export type JointReportQueryVariables = Exact<{
  input: JointReportInput;
}>;


export type JointReportQuery = { jointReport: { level: ReportLevel, period: { from: string, to: string, days: number }, comparePeriod: { from: string, to: string, days: number } | null, metadata: { generatedAt: string, dataAsOf: string, heroinEquivalentTable: string, notes: Array<string> }, rows: Array<{ district: { code: string, name: string }, values: Array<{ indicator: string, value: number | null, compareValue: number | null, change: number | null, relativeChange: number | null, rank: number | null, suppressed: boolean, compareSuppressed: boolean }> }>, total: { values: Array<{ indicator: string, value: number | null, compareValue: number | null, suppressed: boolean }> } } };

export type PersonProfileQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type PersonProfileQuery = { person: { id: string, name: string, idNumber: string, gender: Gender, birthDate: string, residenceDistrict: { code: string, name: string } | null, householdDistrict: { code: string, name: string } | null, status: { asOf: string, inOpenCommunityProgramme: boolean, hasOpenEmploymentAssistance: boolean }, timeline: Array<{ date: string, department: Department, kind: string, summary: string }> } | null };

export type PersonSearchQueryVariables = Exact<{
  filter?: PersonFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PersonSearchQuery = { persons: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, idNumber: string, gender: Gender, birthDate: string, residenceDistrictCode: string, residenceDistrict: { name: string } | null }> } };


export const AuditLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"district"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operationName"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"personCount"}},{"kind":"Field","name":{"kind":"Name","value":"personIds"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditLookupQuery, AuditLookupQueryVariables>;
export const DistrictDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DistrictDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"level"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DistrictLevel"}},"defaultValue":{"kind":"EnumValue","value":"CITY"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"640000","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"districts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"Variable","name":{"kind":"Name","value":"level"}}},{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"heroinEquivalentTable"}},{"kind":"Field","name":{"kind":"Name","value":"casesFiled"}},{"kind":"Field","name":{"kind":"Name","value":"casesSolved"}},{"kind":"Field","name":{"kind":"Name","value":"targetCasesSolved"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturingSitesDestroyed"}},{"kind":"Field","name":{"kind":"Name","value":"seizedHeroinEquivalentKg"}},{"kind":"Field","name":{"kind":"Name","value":"precursorSeizedKg"}},{"kind":"Field","name":{"kind":"Name","value":"precursorPermits"}},{"kind":"Field","name":{"kind":"Name","value":"precursorPermittedTonnes"}}]}}]}}]}}]} as unknown as DocumentNode<DistrictDashboardQuery, DistrictDashboardQueryVariables>;
export const ImportStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Department"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectedRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unresolvedOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"rowNumber"}},{"kind":"Field","name":{"kind":"Name","value":"recordKind"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"raw"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identityConflicts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"unresolvedOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"departmentA"}},{"kind":"Field","name":{"kind":"Name","value":"valueA"}},{"kind":"Field","name":{"kind":"Name","value":"departmentB"}},{"kind":"Field","name":{"kind":"Name","value":"valueB"}},{"kind":"Field","name":{"kind":"Name","value":"detectedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ImportStatusQuery, ImportStatusQueryVariables>;
export const JointReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JointReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JointReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jointReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparePeriod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dataAsOf"}},{"kind":"Field","name":{"kind":"Name","value":"heroinEquivalentTable"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"compareValue"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"relativeChange"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"compareSuppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"compareValue"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JointReportQuery, JointReportQueryVariables>;
export const PersonProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"residenceDistrict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"householdDistrict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"inOpenCommunityProgramme"}},{"kind":"Field","name":{"kind":"Name","value":"hasOpenEmploymentAssistance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]} as unknown as DocumentNode<PersonProfileQuery, PersonProfileQueryVariables>;
export const PersonSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"persons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"residenceDistrictCode"}},{"kind":"Field","name":{"kind":"Name","value":"residenceDistrict"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonSearchQuery, PersonSearchQueryVariables>;