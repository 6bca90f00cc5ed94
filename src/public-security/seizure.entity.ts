import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, decimalToNumber, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { DrugCase } from './drug-case.entity';
import { SeizureKind } from './public-security.enums';

// Drugs are weighed in grams, precursors and other items in kilograms; districtCode is the case's.
@ObjectType({ description: 'Drugs or precursor chemicals seized in a case (缴获)' })
@Entity('seizure')
@Index(['districtCode', 'seizedAt'])
export class Seizure extends DepartmentRecord {
  @Index()
  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => DrugCase, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  caseRef?: DrugCase;

  @Field(() => SeizureKind, { description: 'Drug, precursor chemical or other (类别)' })
  @Column(ENUM)
  kind: SeizureKind;

  @Field({ description: 'Substance: a Substance value for drugs, the chemical or item name otherwise (物品名称)' })
  @Column({ type: 'varchar', length: 40 })
  substance: string;

  @Field(() => DateScalar, { description: 'Day of the seizure (缴获日期)' })
  @Column(DAY)
  seizedAt: string;

  @Field(() => Float, { nullable: true, description: 'Quantity of drugs in grams (毒品克数)' })
  @Column({ type: 'decimal', precision: 16, scale: 3, nullable: true, transformer: decimalToNumber })
  quantityGrams: number | null;

  @Field(() => Float, { nullable: true, description: 'Quantity of precursors or other items in kilograms (千克)' })
  @Column({ type: 'decimal', precision: 16, scale: 3, nullable: true, transformer: decimalToNumber })
  quantityKg: number | null;

  // The factor of the default heroin-equivalent table for its substance, read with the seizure when it
  // came within a person's involvements (public-security.person-lists.ts); null when the table has none.
  declare defaultHeroinFactor?: number | null;
}
