import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Person } from '../core/person.entity';
import { DrugCase } from './drug-case.entity';
import { SuspectRole } from './public-security.enums';

// A person's involvement in a case; districtCode is the case's district.
@ObjectType({ description: "A suspect's involvement in a drug case (犯罪嫌疑人)" })
@Entity('case_suspect')
@Index(['districtCode', 'arrestedAt'])
export class CaseSuspect extends DepartmentRecord {
  @Index()
  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => DrugCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  caseRef?: DrugCase;

  @Index()
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => SuspectRole, { description: "The person's role in the case (涉案角色)" })
  @Column(ENUM)
  role: SuspectRole;

  @Field(() => DateScalar, { nullable: true, description: 'Day of arrest; null if not arrested (抓获日期)' })
  @Column({ ...DAY, nullable: true })
  arrestedAt: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Province code where arrested; outside 640000 means outflow trafficking (抓获地省份代码, 外流贩毒)',
  })
  @Column({ type: 'varchar', length: 6, nullable: true })
  arrestProvinceCode: string | null;

  @Field({ description: 'A long-wanted fugitive (涉毒"钉子"逃犯)' })
  @Column({ type: 'boolean', default: false })
  isFugitive: boolean;
}
