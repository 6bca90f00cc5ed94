import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../common/loaders';
import { EmploymentAssistance } from './employment-assistance.entity';

// The employment bureau's loaders, a fresh set per request.
export function createEmploymentLoaders(ds: DataSource) {
  return {
    assistancesByPerson: groupedLoader<number, EmploymentAssistance>(
      (ids) => ds.getRepository(EmploymentAssistance).find({ where: { personId: In(ids) }, order: { startedAt: 'DESC', id: 'DESC' } }),
      (r) => r.personId,
    ),
  };
}

export type EmploymentLoaders = ReturnType<typeof createEmploymentLoaders>;
