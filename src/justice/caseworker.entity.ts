import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DepartmentRecord } from '../common/department-record';

// Province norm: one caseworker per 20 drug users.
@ObjectType({ description: 'A dedicated anti-drug caseworker (禁毒专干)' })
@Entity('caseworker')
export class Caseworker extends DepartmentRecord {
  @Field({ description: 'Name (姓名)' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field({ description: 'Currently in post (在岗)' })
  @Column({ type: 'boolean', default: true })
  isActive: boolean;
}
