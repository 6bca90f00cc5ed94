import { DataSource } from 'typeorm';
import { Viewer } from './common/auth/viewer';
import { StatementCount } from './common/sql-counter';
import { createDistrictLoaders } from './districts/district.loaders';
import { DistrictTree } from './districts/district-tree';
import { createEmploymentLoaders } from './employment/employment.loaders';
import { createJusticeLoaders } from './justice/justice.loaders';
import { createPersonLoaders } from './persons/person.loaders';
import { createPublicSecurityLoaders } from './public-security/public-security.loaders';

// Everything a resolver may use; built fresh for every request so loader caches never leak
// between requests (or between users).
export interface Context {
  viewer: Viewer;
  // ids of the persons whose data this operation returned, for the audit trail
  personIdsRead: Set<number>;
  ds: DataSource;
  tree: DistrictTree;
  statements: StatementCount;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(ds: DataSource, tree: DistrictTree) {
  const persons = createPersonLoaders(ds);
  return {
    ...persons,
    ...createDistrictLoaders(ds, tree),
    ...createPublicSecurityLoaders(ds, persons.personById),
    ...createJusticeLoaders(ds),
    ...createEmploymentLoaders(ds),
  };
}

export function buildContext(ds: DataSource, tree: DistrictTree, viewer: Viewer, statements = new StatementCount()): Context {
  return { viewer, personIdsRead: new Set(), ds, tree, statements, loaders: createLoaders(ds, tree) };
}
