import { ClassType, createUnionType, Field, ObjectType } from 'type-graphql';
import { Context } from '../core/context';
import { Department } from '../common/department';
import { departmentModules, TimelineEntry } from '../core/department-module';
import { DateScalar } from '../common/scalars';

// type-graphql asks for the union's types again for every record it resolves (instanceof against
// each): the list is made once per set of registered modules, not once per record.
let recordTypes: { modules: number; types: [ClassType, ...ClassType[]] } | null = null;
function timelineRecordTypes(): [ClassType, ...ClassType[]] {
  const modules = departmentModules();
  if (recordTypes?.modules !== modules.length) {
    recordTypes = { modules: modules.length, types: modules.flatMap((m) => m.timelineTypes ?? []) as [ClassType, ...ClassType[]] };
  }
  return recordTypes.types;
}

export const TimelineRecord = createUnionType({
  name: 'TimelineRecord',
  description: 'The record behind a timeline event (事件对应的记录)',
  types: timelineRecordTypes,
});

@ObjectType({ description: "One event of a person's history, from any department (人员时间线事件)" })
export class TimelineEvent implements TimelineEntry {
  @Field(() => Department, { description: 'Department that recorded it (来源部门)' })
  department: Department;

  @Field({ description: 'Kind of event, e.g. DRUG_USE_DETECTION (事件类型)' })
  kind: string;

  @Field(() => DateScalar, { description: 'Day of the event (日期)' })
  date: string;

  @Field({ description: 'One-line summary (摘要)' })
  summary: string;

  @Field(() => TimelineRecord, { description: 'The record itself (记录)' })
  record: object;

  // ordering within a day: source record id
  id: number;
}

// Every registered department's records about the person, merged newest first. Each department
// loads only the kinds of record the viewer's role may read, with the same loaders as its fields
// on Person, so asking for both costs no extra statement.
export async function buildTimeline(personId: number, ctx: Context): Promise<TimelineEntry[]> {
  const parts = await Promise.all(departmentModules().map((m) => (m.timeline ? m.timeline(personId, ctx) : Promise.resolve([]))));
  return parts.flat().sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
}
