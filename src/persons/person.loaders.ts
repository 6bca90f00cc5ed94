import { DataSource } from 'typeorm';
import { byIdLoader, findByKeys } from '../common/loaders';
import { Person } from '../core/person.entity';

export function createPersonLoaders(ds: DataSource) {
  return {
    personById: byIdLoader<number, Person>((ids) => findByKeys(ds, Person, 'id', ids), (r) => r.id),
  };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
