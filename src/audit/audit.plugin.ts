import { ApolloServerPlugin } from '@apollo/server';
import { BREAK, DocumentNode, GraphQLSchema, OperationDefinitionNode, print, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { perOperation } from '../common/per-operation';
import { PERSON_LEVEL_TYPES } from '../policy/access-rules';
import { requirePurpose } from '../policy/purpose';
import { domainError } from '../common/errors';
import { logger } from '../common/logger';
import { Context } from '../core/context';
import { AuditOutcome } from './audit-event.entity';
import { appendAuditEvent } from './audit.service';

// Root fields that are person-level whatever they select: the audit trail itself, and a federation
// subgraph's _entities (whether a person id resolves is itself personal data; src/federation).
const PERSON_LEVEL_ROOT_FIELDS = new Set(['auditEvents', '_entities']);

// Does the operation select person-level fields (or the audit trail itself)? Decided by the document
// alone (an @include(if: $var) does not change it: a person-level field that may be selected is
// audited), so once per operation.
export const readsPersonLevelData = perOperation(function readsPersonLevelData(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const onlyThisOperation: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== 'OperationDefinition' || d === operation),
  };
  visit(
    onlyThisOperation,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name ?? '';
        if (PERSON_LEVEL_TYPES.has(parent) || (parent === 'Query' && PERSON_LEVEL_ROOT_FIELDS.has(node.name.value))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
});

// Every operation that reads person-level data, allowed or denied, appends one audit event before
// the response is sent; if the event cannot be written, the response carries no data.
export function auditPlugin(ds: DataSource): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let audited = false;
      let written = false;
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (!operation) return;
          audited = readsPersonLevelData(schema, document, operation);
          if (!audited || contextValue.viewer.purpose) return;
          written = true;
          await appendAuditEvent(ds, {
            viewer: contextValue.viewer, operationName: operation.name?.value ?? request.operationName ?? null,
            document: request.query ?? print(document), variables: request.variables, personIds: [], outcome: AuditOutcome.DENIED,
          });
          requirePurpose(null);
        },
        async willSendResponse({ contextValue, response, document, operation, request }) {
          if (!audited || written || !document || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const denied = result.errors?.some((e) => e.extensions?.code === 'FORBIDDEN');
          const outcome = !result.errors?.length ? AuditOutcome.ALLOWED : result.data ? AuditOutcome.PARTIAL : denied ? AuditOutcome.DENIED : AuditOutcome.PARTIAL;
          try {
            await appendAuditEvent(ds, {
              viewer: contextValue.viewer, operationName: operation?.name?.value ?? request.operationName ?? null,
              document: request.query ?? print(document), variables: request.variables, personIds: contextValue.personIdsRead, outcome,
            });
          } catch (err) {
            logger.error({ err: { message: (err as Error).message } }, 'audit event could not be written; response withheld');
            const error = domainError('SERVICE_UNAVAILABLE', 'The audit trail could not be written; nothing was returned');
            response.body.singleResult = { errors: [{ message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
            response.http.status = 503;
          }
        },
      };
    },
  };
}
