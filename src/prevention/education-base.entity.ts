import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DAY } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';

// An anti-drug education base: a place (exhibition hall, school or community base) where the public
// learns about drugs. District-level record: no person data.
@ObjectType({ description: 'An anti-drug education base (禁毒科普教育基地)' })
@Entity('education_base')
export class EducationBase extends DepartmentRecord {
  @Field({ description: 'Name (名称)' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => DateScalar, { description: 'Day it opened (建成日期)' })
  @Column(DAY)
  openedAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it closed; null while open (关闭日期)' })
  @Column({ ...DAY, nullable: true })
  closedAt: string | null;
}
