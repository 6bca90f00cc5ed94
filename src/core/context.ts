import { DataSource } from 'typeorm';
import { Viewer } from '../policy/viewer';
import { StatementCount } from '../common/sql-counter';
import { DistrictTree } from './district-tree';

// Everything a resolver may use; built fresh for every request so that loader caches never leak
// between requests (or between users).
export interface Context {
  viewer: Viewer;
  // ids of the persons whose data this operation returned, for the audit trail
  personIdsRead: Set<number>;
  ds: DataSource;
  tree: DistrictTree;
  statements: StatementCount;
  // per-request values (loaders) of the modules that asked for one: see requestScoped
  scope: Map<symbol, unknown>;
}

// A value made once per request, on first use, by the module that owns it (its loaders): the
// context needs to know no module, and no module another's loaders.
export type ScopeOwner = Pick<Context, 'ds' | 'tree' | 'scope'>;

export function requestScoped<T>(create: (ctx: ScopeOwner) => T): (ctx: ScopeOwner) => T {
  const key = Symbol(create.name || 'request-scoped');
  return (ctx) => {
    let value = ctx.scope.get(key) as T | undefined;
    if (value === undefined) {
      value = create(ctx);
      ctx.scope.set(key, value);
    }
    return value;
  };
}

export function buildContext(ds: DataSource, tree: DistrictTree, viewer: Viewer, statements = new StatementCount()): Context {
  return { viewer, personIdsRead: new Set(), ds, tree, statements, scope: new Map() };
}
