import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';

@ObjectType({ description: 'A community detox and rehabilitation centre (社区戒毒康复工作中心)' })
@Entity('rehab_centre')
export class RehabCentre extends DepartmentRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the centre opened (建成日期)' })
  @Column({ type: 'date', nullable: true })
  openedAt: string | null;
}
