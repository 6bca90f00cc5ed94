import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import { Person } from '../core/person.entity';
import { Caseworker } from './caseworker.entity';
import type { FollowUpCheck } from './follow-up-check.entity';
import { ProgrammeKind, ProgrammeOutcome } from './justice.enums';
import { RehabCentre } from './rehab-centre.entity';

@ObjectType({ description: 'A rehabilitation programme run by justice (戒毒康复)' })
@Entity('rehab_programme')
@Index(['personId', 'orderedAt'])
@Index(['districtCode', 'orderedAt'])
@Index(['districtCode', 'reportedAt'])
@Index(['districtCode', 'endedAt'])
@Index(['districtCode', 'orderedAt', 'kind', 'endedAt', 'reportedAt']) // covers justice's programmePeriodIndicators
export class RehabProgramme extends DepartmentRecord {
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRef?: Person;

  @Field(() => ProgrammeKind, { description: 'Kind of programme (类型)' })
  @Column(ENUM)
  kind: ProgrammeKind;

  @Field(() => DateScalar, { description: 'Day the programme was ordered (决定日期)' })
  @Column(DAY)
  orderedAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day execution began; null if not yet executed (报到日期)' })
  @Column({ ...DAY, nullable: true })
  reportedAt: string | null;

  @Field(() => DateScalar, { description: 'Planned end day (计划结束日期)' })
  @Column(DAY)
  plannedEndAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'Actual end day; null while open (实际结束日期)' })
  @Column({ ...DAY, nullable: true })
  endedAt: string | null;

  @Field(() => ProgrammeOutcome, { nullable: true, description: 'Outcome; null while open (结果)' })
  @Column({ ...ENUM, nullable: true })
  outcome: ProgrammeOutcome | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  caseworkerId: number | null;

  @ManyToOne(() => Caseworker, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caseworker_id' })
  caseworkerRef?: Caseworker;

  @Index()
  @Column({ type: 'int', nullable: true })
  centreId: number | null;

  @ManyToOne(() => RehabCentre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id' })
  centreRef?: RehabCentre;

  // Read with the programme when it came as one of a person's programmes (justice.person-lists.ts),
  // like caseworkerRef and centreRef. Absent otherwise: the resolvers then use the loaders.
  declare loadedChecks?: FollowUpCheck[];
}
