import { publicSecurityLedgerFacts } from './public-security.ledger';
import { publicSecurityIndicators, publicSecurityPeriodIndicators, publicSecuritySharedRelations } from './public-security.indicators';
import { publicSecurityRecordKinds } from './public-security.record-kinds';
import { DepartmentModule } from '../core/department-module';
import { CaseSuspect } from './case-suspect.entity';
import { DistrictPublicSecurityResolver } from './district-public-security.resolver';
import { DrugCase } from './drug-case.entity';
import { DrugUseDetection } from './drug-use-detection.entity';
import { HeroinEquivalentFactor } from './heroin-equivalent-factor.entity';
import { PrecursorPermit } from './precursor-permit.entity';
import { publicSecurityFacts } from './public-security.facts';
import { CaseSuspectResolver, DrugCaseResolver, PersonPublicSecurityResolver } from './public-security.resolver';
import { publicSecurityTimeline } from './public-security.timeline';
import { RiskAssessment } from './risk-assessment.entity';
import { Seizure } from './seizure.entity';
import { WastewaterSample } from './wastewater-sample.entity';

// Public security (公安): drug cases, suspects, seizures, drug-use detections, risk assessments,
// wastewater samples, precursor permits.
export const publicSecurityModule: DepartmentModule = {
  name: 'public-security',
  entities: [DrugCase, CaseSuspect, Seizure, DrugUseDetection, RiskAssessment, WastewaterSample, PrecursorPermit, HeroinEquivalentFactor],
  resolvers: [PersonPublicSecurityResolver, CaseSuspectResolver, DrugCaseResolver, DistrictPublicSecurityResolver],
  timelineTypes: [DrugUseDetection, CaseSuspect, RiskAssessment],
  timeline: publicSecurityTimeline,
  personFacts: publicSecurityFacts,
  ledgerFacts: publicSecurityLedgerFacts,
  sharedRelations: publicSecuritySharedRelations,
  recordKinds: publicSecurityRecordKinds,
  indicators: { reference: publicSecurityIndicators, period: publicSecurityPeriodIndicators },
};
