import { justiceLedgerFacts } from './justice.ledger';
import { justiceIndicators, justicePeriodIndicators, justiceSharedRelations } from './justice.indicators';
import { justiceRecordKinds } from './justice.record-kinds';
import { DepartmentModule } from '../core/department-module';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { justiceFacts } from './justice.facts';
import { PersonJusticeResolver, RehabProgrammeResolver } from './justice.resolver';
import { justiceTimeline } from './justice.timeline';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice administration (司法行政): rehabilitation programmes, follow-up checks, caseworkers, centres.
export const justiceModule: DepartmentModule = {
  name: 'justice',
  entities: [Caseworker, RehabCentre, RehabProgramme, FollowUpCheck],
  resolvers: [PersonJusticeResolver, RehabProgrammeResolver],
  timelineTypes: [RehabProgramme, FollowUpCheck],
  timeline: justiceTimeline,
  personFacts: justiceFacts,
  ledgerFacts: justiceLedgerFacts,
  sharedRelations: justiceSharedRelations,
  recordKinds: justiceRecordKinds,
  indicators: { reference: (ds, period) => justiceIndicators(ds, period), period: (ds, period, _table, codes) => justicePeriodIndicators(ds, period, codes) },
};
