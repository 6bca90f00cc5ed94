import { AsyncLocalStorage } from 'node:async_hooks';

// What one HTTP request did, filled in while it is answered (the Apollo plugin adds the operation and
// the error codes) and written out once, as a log line and metrics, when the response is finished.
export interface RequestRecord {
  requestId: string;
  // GraphQL operation name (as resolved by Apollo), or the route for plain HTTP routes
  operation: string | null;
  graphql: boolean;
  codes: Set<string>;
  // the GraphQL response's errors as finally sent (other plugins may still change them after ours ran)
  responseErrors?: () => ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;
  finished: boolean;
}

const records = new AsyncLocalStorage<RequestRecord>();

export function runWithRecord<T>(record: RequestRecord, fn: () => T): T {
  return records.run(record, fn);
}

export function currentRecord(): RequestRecord | undefined {
  const record = records.getStore();
  return record && !record.finished ? record : undefined;
}
