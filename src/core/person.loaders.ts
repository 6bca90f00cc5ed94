import { DataSource } from 'typeorm';
import { byIdLoader, findByKeys } from '../common/loaders';
import { requestScoped } from './context';
import { Person } from './person.entity';

export function createPersonLoaders(ds: DataSource) {
  return {
    personById: byIdLoader<number, Person>((ids) => findByKeys(ds, Person, 'id', ids), (r) => r.id),
  };
}

export const personLoaders = requestScoped(function personLoaders(ctx) {
  return createPersonLoaders(ctx.ds);
});
