// What justice (司法行政) sends.
import { Field, InputType } from 'type-graphql';
import { ProgrammeKind, ProgrammeOutcome, CheckKind, CheckResult } from './justice.enums';
import { IsSourceKey, NotBefore } from '../core/record-validators';
import { Day, Flag, OneOf, PersonFieldsInput, RecordDistrict, SourceKey, Text } from '../core/record-fields';
import { IsOptional } from 'class-validator';

const SOURCE_KEY = "The department's own record id, 1-64 printable ASCII characters; re-sending it updates the record (来源系统编号)";
const DISTRICT = 'GB/T 2260 code of a district in the district table (所属区划代码)';

@InputType({ description: 'A rehabilitation programme as justice sends it (戒毒康复)' })
export class RehabProgrammeInput extends PersonFieldsInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field(() => ProgrammeKind, { description: 'Kind of programme (类型)' })
  @OneOf(ProgrammeKind)
  kind: ProgrammeKind;

  @Field({ description: 'Day ordered, YYYY-MM-DD (决定日期)' })
  @Day()
  orderedAt: string;

  @Field(() => String, { nullable: true, description: 'Day execution began, not before orderedAt; empty if not yet (报到日期)' })
  @Day(false)
  @NotBefore('orderedAt')
  reportedAt?: string | null;

  @Field({ description: 'Planned end day, not before orderedAt; may lie in the future (计划结束日期)' })
  @Day(true, false)
  @NotBefore('orderedAt')
  plannedEndAt: string;

  @Field(() => String, { nullable: true, description: 'Actual end day, not before orderedAt nor reportedAt; empty while open (实际结束日期)' })
  @Day(false)
  @NotBefore('orderedAt')
  @NotBefore('reportedAt')
  endedAt?: string | null;

  @Field(() => ProgrammeOutcome, { nullable: true, description: 'Outcome; empty while open (结果)' })
  @OneOf(ProgrammeOutcome, false)
  outcome?: ProgrammeOutcome | null;

  @Field(() => String, { nullable: true, description: 'Source key of the caseworker, sent before (禁毒专干来源编号)' })
  @IsOptional()
  @IsSourceKey()
  caseworkerSourceKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Source key of the rehab centre, sent before (康复中心来源编号)' })
  @IsOptional()
  @IsSourceKey()
  centreSourceKey?: string | null;
}

@InputType({ description: "A follow-up check within a programme; person and district are the programme's (帮扶/检测)" })
export class FollowUpCheckInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: 'Source key of the programme, sent before (戒毒康复来源编号)' })
  @SourceKey()
  programmeSourceKey: string;

  @Field({ description: 'Day of the check, YYYY-MM-DD (日期)' })
  @Day()
  checkedAt: string;

  @Field(() => CheckKind, { description: 'Kind of check (类型)' })
  @OneOf(CheckKind)
  kind: CheckKind;

  @Field(() => CheckResult, { description: 'Result (结果)' })
  @OneOf(CheckResult)
  result: CheckResult;
}

@InputType({ description: 'A dedicated anti-drug caseworker (禁毒专干)' })
export class CaseworkerInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Name, at most 50 characters (姓名)' })
  @Text(50)
  name: string;

  @Field(() => Boolean, { nullable: true, description: 'Currently in post; default true (在岗)' })
  @Flag()
  isActive?: boolean | null;
}

@InputType({ description: 'A community detox and rehabilitation centre (社区戒毒康复工作中心)' })
export class RehabCentreInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Name, at most 80 characters (名称)' })
  @Text(80)
  name: string;

  @Field(() => String, { nullable: true, description: 'Day the centre opened, YYYY-MM-DD (建成日期)' })
  @Day(false)
  openedAt?: string | null;
}
