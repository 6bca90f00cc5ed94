import { requestScoped } from '../core/context';
import { DataSource } from 'typeorm';
import { findByKeys, groupedLoader } from '../common/loaders';
import { EmploymentAssistance } from './employment-assistance.entity';

// The employment bureau's loaders, a fresh set per request.
export function createEmploymentLoaders(ds: DataSource) {
  return {
    assistancesByPerson: groupedLoader<number, EmploymentAssistance>(
      (ids) => findByKeys(ds, EmploymentAssistance, 'personId', ids, [['startedAt', 'DESC'], ['id', 'DESC']]),
      (r) => r.personId,
    ),
  };
}


export const employmentLoaders = requestScoped(function employmentLoaders(ctx) {
  return createEmploymentLoaders(ctx.ds);
});
