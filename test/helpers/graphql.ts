import { DataSource } from 'typeorm';
import { StatementCount, trackStatements } from '../../src/common/sql-counter';
import { Role, Viewer } from '../../src/policy/viewer';
import { buildContext } from '../../src/core/context';
import { createServer, Service } from '../../src/server';

export interface GqlResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  statements: number;
  log: string[];
}

// Runs an operation through the real schema and Apollo pipeline (formatError included), counting
// the SQL statements it issues.
export const PROVINCE_ADMIN: Viewer = { sub: 'test-admin', name: 'Test Admin', role: Role.ADMIN, district: '640000', purpose: 'automated test' };

export async function gql<T = any>(
  service: Service,
  ds: DataSource,
  query: string,
  variables?: Record<string, unknown>,
  viewer: Viewer = PROVINCE_ADMIN,
): Promise<GqlResult<T>> {
  const counter = new StatementCount(true);
  const response = await trackStatements(counter, () =>
    service.apollo.executeOperation({ query, variables }, { contextValue: buildContext(ds, service.tree, viewer, counter) }),
  );
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const { data, errors } = response.body.singleResult as { data?: T; errors?: GqlResult['errors'] };
  return { data, errors: errors ? [...errors] : undefined, statements: counter.statements, log: counter.log };
}

export async function startService(ds: DataSource): Promise<Service> {
  return createServer({ ds });
}
