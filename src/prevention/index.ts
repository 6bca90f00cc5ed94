import { preventionRecordKinds } from './prevention.record-kinds';
import { preventionReportColumns } from './prevention.report-columns';
import { DepartmentModule } from '../core/department-module';
import { EducationBase } from './education-base.entity';
import { DistrictPreventionResolver } from './prevention.resolver';
import { PublicityEvent } from './publicity-event.entity';
import { SchoolSession } from './school-session.entity';

// The prevention and education source (禁毒宣传教育): anti-drug education bases, publicity events and
// school sessions, per district and day. District-level records only, no person data.
export const preventionModule: DepartmentModule = {
  name: 'prevention',
  entities: [EducationBase, PublicityEvent, SchoolSession],
  resolvers: [DistrictPreventionResolver],
  recordKinds: preventionRecordKinds,
  reportColumns: preventionReportColumns,
};
