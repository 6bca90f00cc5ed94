import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CODE, SOURCE_KEY } from './columns';

// Columns every department record carries: its own id, the department's source key (unique per
// record kind, so a re-sent record updates in place), the district it belongs to, and timestamps.
@ObjectType({ description: "Columns every department record carries (部门记录公共字段)" })
export abstract class DepartmentRecord {
  @Field(() => ID, { description: 'Internal identifier (内部编号)' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "The department's own record id (来源系统编号)" })
  @Column({ ...SOURCE_KEY, unique: true })
  sourceKey: string;

  @Field({ description: 'GB/T 2260 code of the district the record belongs to (所属区划代码)' })
  @Index()
  @Column(CODE)
  districtCode: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
