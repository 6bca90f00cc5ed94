import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Person } from '../core/person.entity';
import { RiskColour } from '../core/risk-colour';

@ObjectType({ description: 'A "dual four-colour" risk assessment of a person (双四色风险评估)' })
@Entity('risk_assessment')
@Index(['personId', 'assessedAt'])
export class RiskAssessment extends DepartmentRecord {
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => DateScalar, { description: 'Day of assessment (评估日期)' })
  @Column(DAY)
  assessedAt: string;

  @Field(() => RiskColour, { description: 'Risk colour (风险等级颜色)' })
  @Column(ENUM)
  riskColour: RiskColour;

  @Field(() => RiskColour, { description: 'Control colour (管控等级颜色)' })
  @Column(ENUM)
  controlColour: RiskColour;
}
