// What the employment bureau (人社) sends.
import { Field, Float, InputType } from 'type-graphql';
import { AssistanceKind, AssistanceOutcome } from './employment.enums';
import { NotBefore } from '../core/record-validators';
import { Day, OneOf, PersonFieldsInput, Quantity, RecordDistrict, SourceKey, Text } from '../core/record-fields';

@InputType({ description: 'Employment assistance as the employment bureau sends it (就业帮扶)' })
export class EmploymentAssistanceInput extends PersonFieldsInput {
  @Field({ description: "The department's own record id, 1-64 printable ASCII characters; re-sending it updates the record (来源系统编号)" })
  @SourceKey()
  sourceKey: string;

  @Field({ description: 'GB/T 2260 code of a district in the district table (所属区划代码)' })
  @RecordDistrict()
  districtCode: string;

  @Field(() => AssistanceKind, { description: 'Kind of assistance (帮扶类型)' })
  @OneOf(AssistanceKind)
  kind: AssistanceKind;

  @Field({ description: 'Day started, YYYY-MM-DD (开始日期)' })
  @Day()
  startedAt: string;

  @Field(() => String, { nullable: true, description: 'Day ended, not before startedAt; empty while open (结束日期)' })
  @Day(false)
  @NotBefore('startedAt')
  endedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Employer or training provider, at most 100 characters (用人单位/培训机构)' })
  @Text(100, false)
  provider?: string | null;

  @Field(() => Float, { nullable: true, description: 'Subsidy paid in CNY, >= 0 (补贴金额, 元)' })
  @Quantity(1e10, false)
  subsidyAmountCny?: number | null;

  @Field(() => AssistanceOutcome, { nullable: true, description: 'Outcome; empty while undecided (帮扶结果)' })
  @OneOf(AssistanceOutcome, false)
  outcome?: AssistanceOutcome | null;
}
