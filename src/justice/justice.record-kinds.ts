import { Department } from '../common/department';
import { KindSpec, nullIfAbsent, RecordKind } from '../core/record-kind';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';
import { CaseworkerInput, FollowUpCheckInput, RehabCentreInput, RehabProgrammeInput } from './justice.inputs';

// Justice's records as it sends them (司法行政): the kinds of record the ingest pipeline accepts from it.
export const justiceRecordKinds: KindSpec[] = [
  {
    kind: RecordKind.REHAB_PROGRAMME, department: Department.JUSTICE, slug: 'rehab-programmes', mutation: 'upsertRehabProgrammes',
    description: 'Insert or update rehabilitation programmes; justice (写入戒毒康复)', listZh: '康复列表',
    input: RehabProgrammeInput, entity: RehabProgramme, hasPerson: true,
    refs: [
      { field: 'caseworkerSourceKey', target: RecordKind.CASEWORKER, required: false },
      { field: 'centreSourceKey', target: RecordKind.REHAB_CENTRE, required: false },
    ],
    numbers: [], integers: [], booleans: [],
    row: (i: RehabProgrammeInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, kind: i.kind, orderedAt: i.orderedAt,
      reportedAt: nullIfAbsent(i.reportedAt), plannedEndAt: i.plannedEndAt, endedAt: nullIfAbsent(i.endedAt), outcome: nullIfAbsent(i.outcome),
      caseworkerId: c.refs.caseworkerSourceKey?.id ?? null, centreId: c.refs.centreSourceKey?.id ?? null,
    }),
  },
  {
    kind: RecordKind.FOLLOW_UP_CHECK, department: Department.JUSTICE, slug: 'follow-up-checks', mutation: 'upsertFollowUpChecks',
    description: 'Insert or update follow-up checks; the programme must have been sent (写入帮扶/检测)', listZh: '检测列表',
    input: FollowUpCheckInput, entity: FollowUpCheck, hasPerson: false,
    refs: [{ field: 'programmeSourceKey', target: RecordKind.REHAB_PROGRAMME, required: true }],
    numbers: [], integers: [], booleans: [],
    row: (i: FollowUpCheckInput, c) => ({
      sourceKey: i.sourceKey, districtCode: c.refs.programmeSourceKey!.districtCode, programmeId: c.refs.programmeSourceKey!.id,
      personId: c.refs.programmeSourceKey!.personId, checkedAt: i.checkedAt, kind: i.kind, result: i.result,
    }),
  },
  {
    kind: RecordKind.CASEWORKER, department: Department.JUSTICE, slug: 'caseworkers', mutation: 'upsertCaseworkers',
    description: 'Insert or update caseworkers (写入禁毒专干)', listZh: '专干列表',
    input: CaseworkerInput, entity: Caseworker, hasPerson: false, refs: [],
    numbers: [], integers: [], booleans: ['isActive'],
    row: (i: CaseworkerInput) => ({ sourceKey: i.sourceKey, districtCode: i.districtCode, name: i.name, isActive: i.isActive ?? true }),
  },
  {
    kind: RecordKind.REHAB_CENTRE, department: Department.JUSTICE, slug: 'rehab-centres', mutation: 'upsertRehabCentres',
    description: 'Insert or update community rehab centres (写入社区戒毒康复工作中心)', listZh: '中心列表',
    input: RehabCentreInput, entity: RehabCentre, hasPerson: false, refs: [],
    numbers: [], integers: [], booleans: [],
    row: (i: RehabCentreInput) => ({ sourceKey: i.sourceKey, districtCode: i.districtCode, name: i.name, openedAt: nullIfAbsent(i.openedAt) }),
  },
];
