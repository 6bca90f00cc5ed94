import { employmentLedgerFacts } from './employment.ledger';
import { employmentIndicators, employmentSharedRelations } from './employment.indicators';
import { employmentRecordKinds } from './employment.record-kinds';
import { DepartmentModule } from '../core/department-module';
import { EmploymentAssistance } from './employment-assistance.entity';
import { employmentFacts } from './employment.facts';
import { PersonEmploymentResolver } from './employment.resolver';
import { employmentTimeline } from './employment.timeline';

// The employment bureau (人社): employment assistance.
export const employmentModule: DepartmentModule = {
  name: 'employment',
  entities: [EmploymentAssistance],
  resolvers: [PersonEmploymentResolver],
  timelineTypes: [EmploymentAssistance],
  timeline: employmentTimeline,
  personFacts: employmentFacts,
  ledgerFacts: employmentLedgerFacts,
  sharedRelations: employmentSharedRelations,
  // its period figures (distinct assisted / lifted persons) come from the ledger's event days
  recordKinds: employmentRecordKinds,
  indicators: { reference: (ds, period) => employmentIndicators(ds, period), period: () => Promise.resolve(new Map()) },
};
