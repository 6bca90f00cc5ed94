import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, decimalToNumber, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Person } from '../core/person.entity';
import { AssistanceKind, AssistanceOutcome } from './employment.enums';

@ObjectType({ description: 'Employment assistance given by the employment bureau (就业帮扶)' })
@Entity('employment_assistance')
@Index(['personId', 'startedAt'])
@Index(['districtCode', 'startedAt'])
export class EmploymentAssistance extends DepartmentRecord {
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => AssistanceKind, { description: 'Kind of assistance (帮扶类型)' })
  @Column(ENUM)
  kind: AssistanceKind;

  @Field(() => DateScalar, { description: 'Day the assistance started (开始日期)' })
  @Column(DAY)
  startedAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it ended; null while open (结束日期)' })
  @Column({ ...DAY, nullable: true })
  endedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Employer or training provider (用人单位/培训机构)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  provider: string | null;

  @Field(() => Float, { nullable: true, description: 'Subsidy paid in CNY (补贴金额, 元)' })
  @Column({ type: 'decimal', precision: 12, scale: 2, nullable: true, transformer: decimalToNumber })
  subsidyAmountCny: number | null;

  @Field(() => AssistanceOutcome, { nullable: true, description: 'Outcome; null while undecided (帮扶结果)' })
  @Column({ ...ENUM, nullable: true })
  outcome: AssistanceOutcome | null;
}
