import { DataSource, In } from 'typeorm';
import { byIdLoader } from '../common/loaders';
import { Person } from './person.entity';

export function createPersonLoaders(ds: DataSource) {
  return {
    personById: byIdLoader<number, Person>((ids) => ds.getRepository(Person).findBy({ id: In(ids) }), (r) => r.id),
  };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
