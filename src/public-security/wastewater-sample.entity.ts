import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DAY, decimalToNumber, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Substance } from '../common/substance';

@ObjectType({ description: 'A wastewater-epidemiology sample at a treatment plant (污水监测)' })
@Entity('wastewater_sample')
@Index(['districtCode', 'sampledAt'])
export class WastewaterSample extends DepartmentRecord {
  @Field({ description: 'Sampling site, e.g. a treatment plant (采样点)' })
  @Column({ type: 'varchar', length: 80 })
  site: string;

  @Field(() => DateScalar, { description: 'Day sampled (采样日期)' })
  @Column(DAY)
  sampledAt: string;

  @Field(() => Substance, { description: 'Substance measured (检测物质)' })
  @Column(ENUM)
  substance: Substance;

  @Field(() => Float, { description: 'Concentration in ng/L (浓度, 纳克/升)' })
  @Column({ type: 'decimal', precision: 12, scale: 3, transformer: decimalToNumber })
  concentrationNgPerL: number;

  @Field(() => Float, { description: 'Flow in cubic metres per day (日流量, 立方米)' })
  @Column({ type: 'decimal', precision: 12, scale: 1, transformer: decimalToNumber })
  flowM3PerDay: number;

  @Field(() => Int, { description: 'Population served by the plant (服务人口)' })
  @Column({ type: 'int' })
  populationServed: number;
}
