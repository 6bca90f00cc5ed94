import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import { RiskColour } from '../core/risk-colour';
import { UserStatus } from './user-status';

@InputType({ description: 'Filters on persons; all given conditions must hold (人员筛选条件)' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Residence in this district or any district below it (居住地区划, 含下级)' })
  districtCode?: string | null;

  @Field(() => RiskColour, { nullable: true, description: 'Colour of the latest risk assessment on or before asOf (最新风险颜色)' })
  latestRiskColour?: RiskColour | null;

  @Field(() => Boolean, { nullable: true, description: 'In (true) or not in (false) a programme open at asOf (是否在戒毒康复中)' })
  inOpenProgramme?: boolean | null;

  @Field(() => UserStatus, { nullable: true, description: 'Drug-user status at asOf (吸毒人员状态)' })
  userStatus?: UserStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Born on or after this day (出生日期起)' })
  bornFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Born on or before this day (出生日期止)' })
  bornTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Reference date for status, risk and programme conditions; default today (参照日期)' })
  asOf?: string | null;
}
