// Which department subgraph serves which part of the schema (docs/FEDERATION.md).
//
// public-security also hosts what is cross-cutting: the identity register (persons root queries and
// Person's own fields: the police keep the household register), districts and their indicators,
// the signed-in viewer, the audit trail, the joint report and ingestion's quarantine. Indicators,
// Person.status and Person.timeline merge all three departments, so public-security reads the
// justice and employment tables for them (docs/FEDERATION.md, limitations).
export const SUBGRAPH_NAMES = ['public-security', 'justice', 'employment'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const HUB: SubgraphName = 'public-security';

// Entities and their keys: every subgraph that serves a field of one declares the entity with its key.
export const ENTITY_KEYS: Record<string, string> = { Person: 'id', District: 'code' };

// Root and entity fields served outside the hub; every other field of Query, Mutation and the
// entities is served by the hub.
const DEPARTMENT_FIELDS: Record<Exclude<SubgraphName, 'public-security'>, readonly string[]> = {
  justice: [
    'Person.rehabProgrammes',
    'Mutation.upsertRehabProgrammes',
    'Mutation.upsertFollowUpChecks',
    'Mutation.upsertCaseworkers',
    'Mutation.upsertRehabCentres',
  ],
  employment: ['Person.employmentAssistances', 'Mutation.upsertEmploymentAssistances'],
};

const OWNER = new Map<string, SubgraphName>(
  Object.entries(DEPARTMENT_FIELDS).flatMap(([name, fields]) => fields.map((f) => [f, name as SubgraphName] as const)),
);

// The types whose fields are split between subgraphs.
export const SPLIT_TYPES = new Set(['Query', 'Mutation', ...Object.keys(ENTITY_KEYS)]);

export function ownerOf(typeName: string, fieldName: string): SubgraphName {
  return OWNER.get(`${typeName}.${fieldName}`) ?? HUB;
}

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}
