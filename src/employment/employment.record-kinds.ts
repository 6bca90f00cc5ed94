import { Department } from '../common/department';
import { KindSpec, nullIfAbsent, RecordKind } from '../core/record-kind';
import { EmploymentAssistance } from './employment-assistance.entity';
import { EmploymentAssistanceInput } from './employment.inputs';

// The employment bureau's records as it sends them (人社): the kinds of record the ingest pipeline accepts from it.
export const employmentRecordKinds: KindSpec[] = [
  {
    kind: RecordKind.EMPLOYMENT_ASSISTANCE, department: Department.EMPLOYMENT, slug: 'employment-assistances', mutation: 'upsertEmploymentAssistances',
    description: 'Insert or update employment assistance; employment bureau (写入就业帮扶)', listZh: '帮扶列表',
    input: EmploymentAssistanceInput, entity: EmploymentAssistance, hasPerson: true, refs: [],
    numbers: ['subsidyAmountCny'], integers: [], booleans: [],
    row: (i: EmploymentAssistanceInput, c) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, personId: c.personId, kind: i.kind, startedAt: i.startedAt,
      endedAt: nullIfAbsent(i.endedAt), provider: nullIfAbsent(i.provider), subsidyAmountCny: nullIfAbsent(i.subsidyAmountCny), outcome: nullIfAbsent(i.outcome),
    }),
  },
];
