import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DistrictResolver } from './districts/district.resolver';
import { PersonEmploymentResolver } from './employment/employment.resolver';
import { PersonJusticeResolver, RehabProgrammeResolver } from './justice/justice.resolver';
import { PersonResolver } from './persons/person.resolver';
import { CaseSuspectResolver, DrugCaseResolver, PersonPublicSecurityResolver } from './public-security/public-security.resolver';

export const resolvers = [
  PersonResolver,
  PersonPublicSecurityResolver,
  CaseSuspectResolver,
  DrugCaseResolver,
  PersonJusticeResolver,
  RehabProgrammeResolver,
  PersonEmploymentResolver,
  DistrictResolver,
] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false });
}

// The committed schema/schema.graphql: sorted, so that only real changes show in a diff.
export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Emitted from the code by \`npm run schema:emit\`; do not edit. A test fails when it is stale.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
