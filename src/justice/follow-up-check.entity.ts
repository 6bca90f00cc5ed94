import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Person } from '../core/person.entity';
import { CheckKind, CheckResult } from './justice.enums';
import { RehabProgramme } from './rehab-programme.entity';

// personId repeats the programme's person so that "last evidence of use" is one indexed lookup.
@ObjectType({ description: 'A follow-up check within a programme: test, visit or counselling (帮扶/检测)' })
@Entity('follow_up_check')
@Index(['programmeId', 'checkedAt'])
@Index(['personId', 'result', 'checkedAt'])
export class FollowUpCheck extends DepartmentRecord {
  @Column({ type: 'int' })
  programmeId: number;

  @ManyToOne(() => RehabProgramme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programmeRef?: RehabProgramme;

  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => DateScalar, { description: 'Day of the check (日期)' })
  @Column(DAY)
  checkedAt: string;

  @Field(() => CheckKind, { description: 'Kind of check (类型)' })
  @Column(ENUM)
  kind: CheckKind;

  @Field(() => CheckResult, { description: 'Result (结果)' })
  @Column(ENUM)
  result: CheckResult;
}
