import { Department } from '../common/department';
import { KindSpec, nullIfAbsent, RecordKind } from '../core/record-kind';
import { EducationBase } from './education-base.entity';
import { EducationBaseInput, PublicityEventInput, SchoolSessionInput } from './prevention.inputs';
import { PublicityEvent } from './publicity-event.entity';
import { SchoolSession } from './school-session.entity';

// The prevention and education records (禁毒宣传教育) as they are sent: the kinds of record the
// ingest pipeline accepts for this source. None carries a person.
export const preventionRecordKinds: KindSpec[] = [
  {
    kind: RecordKind.EDUCATION_BASE, department: Department.PREVENTION, slug: 'education-bases', mutation: 'upsertEducationBases',
    description: 'Insert or update anti-drug education bases; prevention (写入禁毒科普教育基地)', listZh: '基地列表',
    input: EducationBaseInput, entity: EducationBase, hasPerson: false, refs: [],
    numbers: [], integers: [], booleans: [],
    row: (i: EducationBaseInput) => ({ sourceKey: i.sourceKey, districtCode: i.districtCode, name: i.name, openedAt: i.openedAt, closedAt: nullIfAbsent(i.closedAt) }),
  },
  {
    kind: RecordKind.PUBLICITY_EVENT, department: Department.PREVENTION, slug: 'publicity-events', mutation: 'upsertPublicityEvents',
    description: 'Insert or update anti-drug publicity events; prevention (写入禁毒宣传活动)', listZh: '活动列表',
    input: PublicityEventInput, entity: PublicityEvent, hasPerson: false, refs: [],
    numbers: [], integers: ['participants'], booleans: [],
    row: (i: PublicityEventInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, title: i.title, kind: i.kind, heldAt: i.heldAt, participants: i.participants,
    }),
  },
  {
    kind: RecordKind.SCHOOL_SESSION, department: Department.PREVENTION, slug: 'school-sessions', mutation: 'upsertSchoolSessions',
    description: 'Insert or update school anti-drug lessons; prevention (写入学校禁毒教育课)', listZh: '授课列表',
    input: SchoolSessionInput, entity: SchoolSession, hasPerson: false, refs: [],
    numbers: [], integers: ['students', 'quizTaken', 'quizPassed'], booleans: [],
    row: (i: SchoolSessionInput) => ({
      sourceKey: i.sourceKey, districtCode: i.districtCode, school: i.school, heldAt: i.heldAt, students: i.students,
      quizTaken: nullIfAbsent(i.quizTaken), quizPassed: nullIfAbsent(i.quizPassed),
    }),
  },
];
