import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Substance } from '../common/substance';
import { Person } from '../core/person.entity';
import { DetectionMethod, Disposition } from './public-security.enums';

@ObjectType({ description: 'A detection of drug use by public security, one person-time (查处吸毒)' })
@Entity('drug_use_detection')
@Index(['personId', 'detectedAt'])
@Index(['districtCode', 'detectedAt'])
export class DrugUseDetection extends DepartmentRecord {
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => DateScalar, { description: 'Day of detection (查获日期)' })
  @Column(DAY)
  detectedAt: string;

  @Field(() => Substance, { description: 'Substance used (吸食毒品种类)' })
  @Column(ENUM)
  substance: Substance;

  @Field(() => DetectionMethod, { description: 'Test method (检测方式)' })
  @Column(ENUM)
  method: DetectionMethod;

  @Field(() => Disposition, { description: 'Disposition decided (处置结果)' })
  @Column(ENUM)
  disposition: Disposition;
}
