import { Role } from './viewer';

// Who may read what: ONE table for the whole schema (docs/ACCESS.md shows the same table).
// Keys are `Type.field` or `Type.*` (every field of the type); a field without a rule is denied to
// everyone, and a test fails when a field of the schema has no rule. Jurisdiction and the purpose
// header are checked on top of this (src/core/access-guard.ts, src/audit/audit.plugin.ts).
const { PUBLIC_SECURITY: PS, JUSTICE: JU, EMPLOYMENT: EM, PROVINCIAL_OFFICE: OFFICE, AUDITOR, ADMIN } = Role;

const PERSON_READERS = [PS, JU, EM, ADMIN];
const DEPARTMENTS = [PS, JU, EM, ADMIN];
const AGGREGATE_READERS = [PS, JU, EM, OFFICE, ADMIN];
const EVERYONE = [PS, JU, EM, OFFICE, AUDITOR, ADMIN];
// who sends records of some source (the office: prevention and education's district-level records)
const WRITERS = [PS, JU, EM, OFFICE, ADMIN];

export const ACCESS_RULES: Record<string, readonly Role[]> = {
  // root fields
  'Query.person': PERSON_READERS,
  'Query.personByIdNumber': PERSON_READERS,
  'Query.persons': PERSON_READERS,
  'Query.district': AGGREGATE_READERS,
  'Query.districts': AGGREGATE_READERS,
  'Query.jointReport': AGGREGATE_READERS,
  'Query.jointReportLink': AGGREGATE_READERS,
  'ReportLink.*': AGGREGATE_READERS,
  'Query.auditEvents': [AUDITOR, ADMIN],
  'Query.me': EVERYONE,

  // identity: departments with person-level access, within jurisdiction
  'Person.*': PERSON_READERS,
  'Person.drugCases': [PS, JU, ADMIN], // justice: the list of cases, without seizures or other suspects
  'Person.drugUseDetections': [PS, JU, ADMIN],
  'Person.riskAssessments': [PS, ADMIN],
  'Person.latestRisk': [PS, ADMIN],
  'Person.rehabProgrammes': [PS, JU, ADMIN], // public security: the summary fields only (below)
  'Person.employmentAssistances': [EM, ADMIN],
  'Person.timeline': PERSON_READERS, // events filtered to the kinds the role may read
  'PersonStatus.*': PERSON_READERS,
  'PersonStatus.registeredUser': [PS, JU, ADMIN],
  'PersonStatus.abstinentThreeYears': [PS, JU, ADMIN],
  'PersonStatus.lastEvidenceOfUseAt': [PS, JU, ADMIN],
  'PersonStatus.inOpenProgramme': [PS, JU, ADMIN],
  'PersonStatus.employed': [EM, ADMIN],
  'TimelineEvent.*': PERSON_READERS,

  // public security
  'CaseSuspect.*': [PS, JU, ADMIN],
  'CaseSuspect.person': [PS, ADMIN],
  'DrugCase.*': [PS, JU, ADMIN],
  'DrugCase.seizures': [PS, ADMIN],
  'DrugCase.suspects': [PS, ADMIN],
  'DrugCase.heroinEquivalentKg': [PS, ADMIN],
  'Seizure.*': [PS, ADMIN],
  'DrugUseDetection.*': [PS, JU, ADMIN],
  'RiskAssessment.*': [PS, ADMIN],
  'WastewaterSample.*': [PS, OFFICE, ADMIN],

  // justice
  'RehabProgramme.*': [PS, JU, ADMIN],
  'RehabProgramme.followUpChecks': [JU, ADMIN],
  'RehabProgramme.caseworker': [JU, ADMIN],
  'RehabProgramme.centre': [JU, ADMIN],
  'FollowUpCheck.*': [JU, ADMIN],
  'Caseworker.*': [JU, ADMIN],
  'RehabCentre.*': [JU, ADMIN],

  // employment
  'EmploymentAssistance.*': [EM, ADMIN],

  // prevention and education: district-level records, no person data
  'EducationBase.*': AGGREGATE_READERS,
  'PublicityEvent.*': AGGREGATE_READERS,
  'PublicityEventConnection.*': AGGREGATE_READERS,
  'PublicityEventEdge.*': AGGREGATE_READERS,
  'SchoolSession.*': AGGREGATE_READERS,
  'SchoolSessionConnection.*': AGGREGATE_READERS,
  'SchoolSessionEdge.*': AGGREGATE_READERS,
  'PreventionIndicators.*': AGGREGATE_READERS,

  // districts and aggregates
  'District.*': AGGREGATE_READERS,
  'District.persons': PERSON_READERS,
  'District.drugCases': [PS, JU, ADMIN],
  'District.latestWastewaterSamples': [PS, OFFICE, ADMIN],
  'DistrictIndicators.*': AGGREGATE_READERS,
  // PROVINCIAL_OFFICE reads every indicator, its counts of persons (and the rates on them) as released
  // to roles without person-level access: keyed noise and suppression (docs/RELEASE-RULES.md)
  'RiskCount.*': AGGREGATE_READERS,
  // joint report (src/reports): aggregates; small counts suppressed there for PROVINCIAL_OFFICE
  'JointReport.*': AGGREGATE_READERS,
  'JointReportRow.*': AGGREGATE_READERS,
  'ReportCell.*': AGGREGATE_READERS,
  'ReportPeriod.*': AGGREGATE_READERS,
  'ReportIndicator.*': AGGREGATE_READERS,
  'ReportSuppression.*': AGGREGATE_READERS,
  'JointReportMetadata.*': AGGREGATE_READERS,

  // paging wrappers: their contents carry their own rules
  'PersonConnection.*': PERSON_READERS,
  'PersonEdge.*': PERSON_READERS,
  'DrugCaseConnection.*': [PS, JU, ADMIN],
  'DrugCaseEdge.*': [PS, JU, ADMIN],
  'PageInfo.*': EVERYONE,

  // the signed-in user
  'Viewer.*': EVERYONE,

  // audit trail
  'AuditEvent.*': [AUDITOR, ADMIN],
  'AuditSubject.*': [AUDITOR, ADMIN],
  'AuditEventConnection.*': [AUDITOR, ADMIN],
  'AuditEventEdge.*': [AUDITOR, ADMIN],

  // ingestion (src/ingest): each department writes its own records (ADMIN any), inside its jurisdiction
  'Mutation.upsertDrugCases': [PS, ADMIN],
  'Mutation.upsertCaseSuspects': [PS, ADMIN],
  'Mutation.upsertSeizures': [PS, ADMIN],
  'Mutation.upsertDrugUseDetections': [PS, ADMIN],
  'Mutation.upsertRiskAssessments': [PS, ADMIN],
  'Mutation.upsertWastewaterSamples': [PS, ADMIN],
  'Mutation.upsertPrecursorPermits': [PS, ADMIN],
  'Mutation.upsertRehabProgrammes': [JU, ADMIN],
  'Mutation.upsertFollowUpChecks': [JU, ADMIN],
  'Mutation.upsertCaseworkers': [JU, ADMIN],
  'Mutation.upsertRehabCentres': [JU, ADMIN],
  'Mutation.upsertEmploymentAssistances': [EM, ADMIN],
  'Mutation.upsertEducationBases': [OFFICE, ADMIN],
  'Mutation.upsertPublicityEvents': [OFFICE, ADMIN],
  'Mutation.upsertSchoolSessions': [OFFICE, ADMIN],
  'Mutation.resubmitRejectedRecord': WRITERS, // the entry's department is checked too
  'Mutation.resolveIdentityConflict': DEPARTMENTS, // a department involved in the conflict, or ADMIN
  'Query.rejectedRecords': WRITERS, // the department's own quarantine only
  'Query.identityConflicts': DEPARTMENTS, // conflicts the department is part of
  'UpsertPayload.*': WRITERS,
  'UpsertItemResult.*': WRITERS,
  'RejectionReason.*': WRITERS,
  'ImportSummary.*': WRITERS,
  'RejectedRecord.*': WRITERS,
  'RejectedRecordConnection.*': WRITERS,
  'RejectedRecordEdge.*': WRITERS,
  'IdentityConflict.*': DEPARTMENTS,
  'IdentityConflictConnection.*': DEPARTMENTS,
  'IdentityConflictEdge.*': DEPARTMENTS,
  'PersonIdentityVersion.*': DEPARTMENTS,
};

// Types whose fields are person-level data: reading any of them needs X-Access-Purpose and is audited.
export const PERSON_LEVEL_TYPES = new Set([
  'Person',
  // a page of persons: cursors carry ids and counts under filters describe persons
  'PersonConnection',
  'PersonEdge',
  'RejectedRecordConnection',
  'RejectedRecordEdge',
  'IdentityConflictConnection',
  'IdentityConflictEdge',
  'PersonStatus',
  'TimelineEvent',
  'CaseSuspect',
  'DrugUseDetection',
  'RiskAssessment',
  'RehabProgramme',
  'FollowUpCheck',
  'EmploymentAssistance',
  // quarantined rows and identity versions carry ID numbers and names (src/ingest)
  'RejectedRecord',
  'IdentityConflict',
  'PersonIdentityVersion',
]);

export function ruleFor(typeName: string, fieldName: string): readonly Role[] | undefined {
  return ACCESS_RULES[`${typeName}.${fieldName}`] ?? ACCESS_RULES[`${typeName}.*`];
}

export function mayRead(role: Role, typeName: string, fieldName: string): boolean {
  return ruleFor(typeName, fieldName)?.includes(role) ?? false;
}

// The same table as Markdown, for docs/ACCESS.md (a test keeps the two equal).
export function accessTableMarkdown(): string {
  const roles = Object.values(Role);
  const header = `| rule | ${roles.join(' | ')} |\n|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = Object.entries(ACCESS_RULES).map(([key, allowed]) => `| \`${key}\` | ${roles.map((r) => (allowed.includes(r) ? 'yes' : '')).join(' | ')} |`);
  return [header, ...rows].join('\n');
}

// District fields that reveal what happens inside the district: the district must lie in the
// viewer's jurisdiction (another county's indicators: FORBIDDEN).
export const DISTRICT_SCOPED_FIELDS: ReadonlySet<string> = new Set(['indicators', 'persons', 'drugCases', 'latestWastewaterSamples']);
