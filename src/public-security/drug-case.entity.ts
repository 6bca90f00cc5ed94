import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DAY, ENUM } from '../common/columns';
import { DepartmentRecord } from '../common/department-record';
import { DateScalar } from '../common/scalars';
import type { CaseSuspect } from './case-suspect.entity';
import { CaseType } from './public-security.enums';
import type { Seizure } from './seizure.entity';

@ObjectType({ description: 'A drug criminal case filed by public security (毒品刑事案件)' })
@Entity('drug_case')
@Index(['districtCode', 'filedAt'])
@Index(['districtCode', 'solvedAt'])
export class DrugCase extends DepartmentRecord {
  @Field({ description: 'Case number (案件编号)' })
  @Column({ type: 'varchar', length: 40 })
  caseNumber: string;

  @Field(() => CaseType, { description: 'Kind of case (案件类型)' })
  @Column(ENUM)
  caseType: CaseType;

  @Field(() => DateScalar, { description: 'Day the case was filed (立案日期)' })
  @Column(DAY)
  filedAt: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day the case was solved; null while open (破案日期)' })
  @Column({ ...DAY, nullable: true })
  solvedAt: string | null;

  @Field({ description: 'Provincial or ministerial target case (省部级目标案件)' })
  @Column({ type: 'boolean', default: false })
  isTargetCase: boolean;

  @Field(() => Int, { description: 'Drug-manufacturing sites destroyed in this case (摧毁制毒窝点数)' })
  @Column({ type: 'int', default: 0 })
  manufacturingSitesDestroyed: number;

  // Read with the case when it came as part of a person's involvements (public-security.person-lists.ts):
  // its seizures, its suspects, and the factors of the default heroin-equivalent table for the
  // substances seized. Absent otherwise: the resolvers then use the loaders.
  declare loadedSeizures?: Seizure[];
  declare loadedSuspects?: CaseSuspect[];
  declare defaultHeroinFactors?: ReadonlyMap<string, number>;
}
