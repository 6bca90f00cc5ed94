import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalToNumber } from '../common/columns';

// Factors are data an administrator can change; every figure names the table it used.
@ObjectType({ description: 'Factor converting a substance to heroin equivalent (折合海洛因系数)' })
@Entity('heroin_equivalent_factor')
export class HeroinEquivalentFactor {
  @Field({ description: 'Name of the factor table, e.g. SPC-2016 (系数表名称)' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  tableName: string;

  @Field({ description: 'Substance, a Substance value (毒品种类)' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  substance: string;

  @Field(() => Float, { description: 'Grams of heroin per gram of the substance (折算系数)' })
  @Column({ type: 'decimal', precision: 8, scale: 4, transformer: decimalToNumber })
  factor: number;

  @Field({ description: 'Where the factor comes from (依据)' })
  @Column({ type: 'varchar', length: 200 })
  basis: string;

  @UpdateDateColumn()
  updatedAt: Date;
}
