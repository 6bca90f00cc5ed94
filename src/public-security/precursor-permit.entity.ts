import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DAY, decimalToNumber, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { PermitKind } from './public-security.enums';

@ObjectType({ description: 'A precursor-chemical purchase or transport permit (易制毒化学品购买/运输许可)' })
@Entity('precursor_permit')
@Index(['districtCode', 'issuedAt'])
export class PrecursorPermit extends DepartmentRecord {
  @Field(() => PermitKind, { description: 'Purchase or transport (许可类别)' })
  @Column(ENUM)
  kind: PermitKind;

  @Field(() => DateScalar, { description: 'Day issued (发证日期)' })
  @Column(DAY)
  issuedAt: string;

  @Field({ description: 'Chemical (化学品名称)' })
  @Column({ type: 'varchar', length: 60 })
  chemical: string;

  @Field(() => Float, { description: 'Quantity permitted in kilograms (许可数量, 千克)' })
  @Column({ type: 'decimal', precision: 14, scale: 3, transformer: decimalToNumber })
  quantityKg: number;
}
