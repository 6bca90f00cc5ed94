import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CODE, DAY, ENUM } from '../common/columns';
import { DateScalar } from '../common/scalars';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender as encoded in the ID number (性别)',
  valuesConfig: { MALE: { description: 'Male (男)' }, FEMALE: { description: 'Female (女)' } },
});

// The integration key: one row per national ID number, whichever department saw the person first.
@ObjectType({ description: 'A person known to any department, linked across departments by the national ID number (人员)' })
@Entity('person')
@Index(['residenceDistrictCode', 'id'])
@Index(['birthDate'])
export class Person {
  @Field(() => ID, { description: 'Internal identifier (内部编号)' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: '18-character resident identity number, GB 11643 (公民身份号码)' })
  @Column({ type: 'varchar', length: 18, unique: true })
  idNumber: string;

  @Field({ description: 'Name (姓名)' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => Gender, { description: 'Gender derived from the ID number (性别)' })
  @Column(ENUM)
  gender: Gender;

  @Field(() => DateScalar, { description: 'Birth date derived from the ID number (出生日期)' })
  @Column(DAY)
  birthDate: string;

  @Field({ description: 'Code of the county that manages the person; may lie outside the province (居住地区划代码)' })
  @Column(CODE)
  residenceDistrictCode: string;

  @Field(() => String, { nullable: true, description: 'Code of the household registration district (户籍地区划代码)' })
  @Column({ ...CODE, nullable: true })
  householdDistrictCode: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of death recorded by public security (死亡日期)' })
  @Column({ ...DAY, nullable: true })
  deceasedAt: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
