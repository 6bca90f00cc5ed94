import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CODE, ENUM } from '../common/columns';

export enum DistrictLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}

registerEnumType(DistrictLevel, {
  name: 'DistrictLevel',
  description: 'Administrative level of a district (行政区划级别)',
  valuesConfig: {
    PROVINCE: { description: 'Province or autonomous region (省级)' },
    CITY: { description: 'Prefecture-level city (地级市)' },
    COUNTY: { description: 'County, county-level city or urban district (县级)' },
    TOWNSHIP: { description: 'Township or street (乡镇/街道)' },
  },
});

// Reference data (GB/T 2260); enters the database only through migrations.
@ObjectType({ description: 'An administrative district of GB/T 2260 (行政区划)' })
@Entity('district')
export class District {
  @Field(() => ID, { description: 'GB/T 2260 code, e.g. 640104 (行政区划代码)' })
  @PrimaryColumn(CODE)
  code: string;

  @Field({ description: 'Chinese name (中文名称)' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field({ description: 'Name in Hanyu Pinyin (拼音)' })
  @Column({ type: 'varchar', length: 80 })
  namePinyin: string;

  @Field(() => DistrictLevel, { description: 'Administrative level (级别)' })
  @Column(ENUM)
  level: DistrictLevel;

  @Field(() => String, { nullable: true, description: 'Code of the parent district; null for the province (上级区划代码)' })
  @Index()
  @Column({ ...CODE, nullable: true })
  parentCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Resident population at the 2020 census, where published (第七次人口普查常住人口)' })
  @Column({ type: 'int', nullable: true })
  population: number | null;
}
