import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { PublicityKind } from './prevention.enums';

@ObjectType({ description: 'An anti-drug publicity event and how many took part (禁毒宣传活动)' })
@Entity('publicity_event')
@Index(['districtCode', 'heldAt'])
export class PublicityEvent extends DepartmentRecord {
  @Field({ description: 'Title (活动名称)' })
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Field(() => PublicityKind, { description: 'Kind of event (活动类型)' })
  @Column(ENUM)
  kind: PublicityKind;

  @Field(() => DateScalar, { description: 'Day it was held (举办日期)' })
  @Column(DAY)
  heldAt: string;

  @Field(() => Int, { description: 'Participants counted by the organiser (参与人数)' })
  @Column({ type: 'int' })
  participants: number;
}
