// Every entity, in one list for the DataSource; each lives in its department's folder.
import { AuditChainHead, AuditEvent, AuditEventPerson } from './audit/audit-event.entity';
import { District } from './core/district.entity';
import { IndicatorDayTotal, IndicatorSummaryState, PersonEventDay, PersonIndicatorContribution } from './districts/indicators/summary/summary.entities';
import { EmploymentAssistance } from './employment/employment-assistance.entity';
import { IdentityConflict, PersonIdentity, RejectedRecord } from './ingest/ingest.entities';
import { Caseworker } from './justice/caseworker.entity';
import { FollowUpCheck } from './justice/follow-up-check.entity';
import { RehabCentre } from './justice/rehab-centre.entity';
import { RehabProgramme } from './justice/rehab-programme.entity';
import { Person } from './core/person.entity';
import { preventionModule } from './prevention';
import { CaseSuspect } from './public-security/case-suspect.entity';
import { DrugCase } from './public-security/drug-case.entity';
import { DrugUseDetection } from './public-security/drug-use-detection.entity';
import { HeroinEquivalentFactor } from './public-security/heroin-equivalent-factor.entity';
import { PrecursorPermit } from './public-security/precursor-permit.entity';
import { RiskAssessment } from './public-security/risk-assessment.entity';
import { Seizure } from './public-security/seizure.entity';
import { WastewaterSample } from './public-security/wastewater-sample.entity';

export const entities = [
  District,
  Person,
  DrugCase,
  CaseSuspect,
  Seizure,
  DrugUseDetection,
  RiskAssessment,
  WastewaterSample,
  PrecursorPermit,
  HeroinEquivalentFactor,
  Caseworker,
  RehabCentre,
  RehabProgramme,
  FollowUpCheck,
  EmploymentAssistance,
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
  ...preventionModule.entities,
];
