import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { isUnavailable } from '../common/errors';
import { readFromPrimaryFromNowOn } from '../common/read-replica';
import { logger } from '../common/logger';
import { currentRecord } from './request-context';

function codeOf(error: Error): string {
  if (error instanceof GraphQLError && typeof error.extensions?.code === 'string') return error.extensions.code;
  return isUnavailable(error) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}

// Errors clients only see as INTERNAL_SERVER_ERROR are logged for the operators, by kind and driver
// code; the message and stack only when they cannot carry data (database errors quote SQL and values).
function logInternal(error: Error, requestId: string | undefined, operation: string | null | undefined): void {
  const original = unwrapResolverError(error) as Error & { code?: unknown; errno?: unknown; driverError?: unknown; sql?: unknown; sqlMessage?: unknown };
  if (original instanceof GraphQLError || isUnavailable(original)) return;
  const fromDatabase = Boolean(original?.driverError || original?.sql || original?.sqlMessage);
  logger.error(
    {
      requestId,
      operation,
      errorType: original?.constructor?.name ?? typeof original,
      code: original?.code,
      errno: original?.errno,
      ...(fromDatabase ? {} : { message: original?.message, stack: original?.stack }),
    },
    'internal error while answering a request',
  );
}

// Tells request tracking (src/ops/request-tracking.ts) which operation ran and which error codes its
// response carries, as the client sees them (after formatError).
export function opsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async contextCreationDidFail({ error }) {
      currentRecord()?.codes.add(codeOf(error));
    },
    async invalidRequestWasReceived() {
      currentRecord()?.codes.add('BAD_REQUEST');
    },
    async requestDidStart() {
      const record = currentRecord();
      return {
        async didResolveOperation({ operationName, operation }) {
          if (record) record.operation = operationName ?? null;
          // a mutation reads back what it wrote: no replica answers for it
          if (operation?.operation === 'mutation') readFromPrimaryFromNowOn();
        },
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) logInternal(error, record?.requestId, operationName);
        },
        async willSendResponse({ response }) {
          // read when the response is finished: willSendResponse hooks run side by side, and another
          // plugin (audit) may still replace the result after this one returned
          if (record && !record.finished) record.responseErrors = () => (response.body.kind === 'single' ? response.body.singleResult.errors : undefined);
        },
      };
    },
  };
}
