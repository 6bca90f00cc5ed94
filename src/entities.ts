// Every entity, in one list for the DataSource: the core's, the features' and each registered
// department's (src/departments.ts).
import { AuditChainHead, AuditEvent, AuditEventPerson } from './audit/audit-event.entity';
import { District } from './core/district.entity';
import { Person } from './core/person.entity';
import { departments } from './departments';
import { IndicatorDayTotal, IndicatorSummaryState, PersonEventDay, PersonIndicatorContribution } from './indicators/summary/summary.entities';
import { IdentityConflict, PersonIdentity, RejectedRecord } from './ingest/ingest.entities';

export const entities = [
  District,
  Person,
  ...departments.flatMap((d) => d.entities),
  AuditEvent,
  AuditEventPerson,
  AuditChainHead,
  RejectedRecord,
  PersonIdentity,
  IdentityConflict,
  IndicatorDayTotal,
  PersonIndicatorContribution,
  PersonEventDay,
  IndicatorSummaryState,
];
