import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { departments } from './departments';
import { DistrictResolver } from './districts/district.resolver';
import { DistrictIndicatorsResolver } from './indicators/district-indicators.resolver';
import { IdentityConflictResolver, IngestResolver, PersonIdentityResolver, RejectedRecordResolver } from './ingest/ingest.resolver';
import { DistrictPersonsResolver } from './persons/district-persons.resolver';
import { PersonResolver } from './persons/person.resolver';
import { applyAccessRules } from './core/access-guard';
import { ViewerResolver } from './core/viewer.resolver';
import { JointReportMetadataResolver, JointReportResolver } from './reports/joint-report.resolver';
import { ReportLinkResolver } from './reports/report-link.resolver';
import { addUpsertMutations } from './ingest/upsert-mutations';

// one upsert mutation per record kind the registered departments declare
addUpsertMutations(IngestResolver);

export const resolvers = [
  PersonResolver,
  DistrictResolver,
  DistrictIndicatorsResolver,
  DistrictPersonsResolver,
  AuditResolver,
  ViewerResolver,
  JointReportResolver,
  JointReportMetadataResolver,
  ReportLinkResolver,
  IngestResolver,
  RejectedRecordResolver,
  IdentityConflictResolver,
  PersonIdentityResolver,
  ...departments.flatMap((d) => d.resolvers),
] as [Function, ...Function[]];

// The schema as type-graphql builds it, before the access rules (the department subgraphs of
// src/federation take their types and resolvers from it).
export async function buildUnguardedSchema(): Promise<GraphQLSchema> {
  // A field without a resolver of its own reads its property through graphql-js's default resolver;
  // type-graphql's basic resolver would wrap each of them (~40,000 fields in a page of persons) in a
  // call that allocates its middleware arguments, for middlewares this service does not use.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  return describeRoots(await buildSchema({ resolvers, validate: false }));
}

// Root types carry descriptions like every other type (type-graphql has no option for them).
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: persons, districts and their indicators, joint reports, the audit trail (查询)';
  if (mutation) mutation.description = "Writes: departments' records, quarantine corrections, identity conflict resolution (变更)";
  return schema;
}

export async function createSchema(): Promise<GraphQLSchema> {
  // every field passes the access rules (src/policy/access-rules.ts), wrapped around each
  // resolver rather than as type-graphql middleware, which makes every field asynchronous
  return applyAccessRules(await buildUnguardedSchema());
}

// The committed schema/schema.graphql: sorted, so that only real changes show in a diff.
export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Emitted from the code by \`npm run schema:emit\`; do not edit. A test fails when it is stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
