// What the prevention and education work (禁毒宣传教育) sends: district-level records, no person data.
import { Field, InputType, Int } from 'type-graphql';
import { Count, Day, OneOf, RecordDistrict, SourceKey, Text } from '../core/record-fields';
import { absent, NotBefore, rule } from '../core/record-validators';
import { PublicityKind } from './prevention.enums';

const SOURCE_KEY = "The sender's own record id, 1-64 printable ASCII characters; re-sending it updates the record (来源系统编号)";
const DISTRICT = 'GB/T 2260 code of a district in the district table (所属区划代码)';
const MAX_PEOPLE = 10_000_000;

// `value` may not exceed the number in the field `of` (when both are given).
const AtMost = (of: string) =>
  rule('AT_MOST', `may not exceed ${of}`, (v, args) => {
    const bound = (args.object as Record<string, unknown>)[of];
    return absent(v) || absent(bound) || (v as number) <= (bound as number);
  });

// What every prevention record names: its sender's key and its district.
@InputType('PreventionRecordInput', { description: 'What every prevention record names (宣传教育记录公共字段)' })
abstract class PreventionRecordInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;
}

@InputType({ description: 'An anti-drug education base as it is registered (禁毒科普教育基地)' })
export class EducationBaseInput extends PreventionRecordInput {
  @Field({ description: 'Name, at most 100 characters (名称)' })
  @Text(100)
  name: string;

  @Field({ description: 'Day it opened, YYYY-MM-DD (建成日期)' })
  @Day()
  openedAt: string;

  @Field(() => String, { nullable: true, description: 'Day it closed, not before openedAt; empty while open (关闭日期)' })
  @Day(false)
  @NotBefore('openedAt')
  closedAt?: string | null;
}

@InputType({ description: 'An anti-drug publicity event as its organiser reports it (禁毒宣传活动)' })
export class PublicityEventInput extends PreventionRecordInput {
  @Field({ description: 'Title, at most 100 characters (活动名称)' })
  @Text(100)
  title: string;

  @Field(() => PublicityKind, { description: 'Kind of event (活动类型)' })
  @OneOf(PublicityKind)
  kind: PublicityKind;

  @Field({ description: 'Day it was held, YYYY-MM-DD (举办日期)' })
  @Day()
  heldAt: string;

  @Field(() => Int, { description: 'Participants counted by the organiser, >= 0 (参与人数)' })
  @Count(MAX_PEOPLE)
  participants: number;
}

@InputType({ description: "A school's anti-drug lesson as the school reports it (学校禁毒教育课)" })
export class SchoolSessionInput extends PreventionRecordInput {
  @Field({ description: 'School, at most 100 characters (学校名称)' })
  @Text(100)
  school: string;

  @Field({ description: 'Day it was held, YYYY-MM-DD (授课日期)' })
  @Day()
  heldAt: string;

  @Field(() => Int, { description: 'Students who attended, >= 0 (参加学生人数)' })
  @Count(MAX_PEOPLE)
  students: number;

  @Field(() => Int, { nullable: true, description: 'Students who took the awareness quiz, at most students (参加知识测试人数)' })
  @Count(MAX_PEOPLE, false)
  @AtMost('students')
  quizTaken?: number | null;

  @Field(() => Int, { nullable: true, description: 'Students who passed it, at most quizTaken (测试合格人数)' })
  @Count(MAX_PEOPLE, false)
  @AtMost('quizTaken')
  quizPassed?: number | null;
}
