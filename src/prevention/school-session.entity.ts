import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DAY } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';

// A school's anti-drug lesson, with the optional awareness quiz that measures what students know.
@ObjectType({ description: 'A school anti-drug education session (学校禁毒教育课)' })
@Entity('school_session')
@Index(['districtCode', 'heldAt'])
export class SchoolSession extends DepartmentRecord {
  @Field({ description: 'School (学校名称)' })
  @Column({ type: 'varchar', length: 100 })
  school: string;

  @Field(() => DateScalar, { description: 'Day it was held (授课日期)' })
  @Column(DAY)
  heldAt: string;

  @Field(() => Int, { description: 'Students who attended (参加学生人数)' })
  @Column({ type: 'int' })
  students: number;

  @Field(() => Int, { nullable: true, description: 'Students who took the awareness quiz (参加知识测试人数)' })
  @Column({ type: 'int', nullable: true })
  quizTaken: number | null;

  @Field(() => Int, { nullable: true, description: 'Students who passed it (测试合格人数)' })
  @Column({ type: 'int', nullable: true })
  quizPassed: number | null;
}
