// Tables of the ingestion: the quarantine of rejected rows, each department's version of a person's
// identity, and the conflicts between departments' versions. No foreign keys: these tables record
// what was received and must never stand in the way of deleting or reseeding department data.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CODE, DAY, ENUM } from '../common/columns';
import { DateScalar } from '../common/scalars';
import { Department, IdentityField, RecordKind } from './ingest.enums';

// A rejected row, as received, with the reasons; re-submittable after correction. `fingerprint`
// (department, kind, source, row, raw text) makes quarantining idempotent: a file imported again, or
// an import re-run after a crash, does not quarantine the same row twice.
@ObjectType({ description: 'A rejected row kept in quarantine until corrected (隔离区中的拒收记录)' })
@Entity('rejected_record')
@Index(['department', 'resolved', 'id'])
@Index(['department', 'recordKind', 'sourceKey'])
export class RejectedRecord {
  @Field(() => ID, { description: 'Internal identifier (内部编号)' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Department, { description: 'Department that sent the row (来源部门)' })
  @Column(ENUM)
  department: Department;

  @Field(() => RecordKind, { nullable: true, description: 'Kind of record; null when the row did not say (记录类型)' })
  @Column({ ...ENUM, nullable: true })
  recordKind: RecordKind | null;

  @Field({ description: "File name, or 'graphql' for a mutation (来源文件)" })
  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Field(() => Int, { description: 'Row number in the file (CSV: line, header = 1) or index in the list (行号)' })
  @Column({ type: 'int', name: 'source_row' })
  rowNumber: number;

  @Field({ description: 'The row exactly as received: a CSV or NDJSON line, or the item as JSON (原始数据)' })
  @Column({ type: 'text' })
  raw: string;

  @Field(() => String, { nullable: true, description: 'The fields as understood, a JSON object; null when the row could not be read (解析后的字段)' })
  @Column({ type: 'text', nullable: true })
  fields: string | null;

  // [{ field, rule, message }] as JSON; exposed as `reasons`
  @Column({ type: 'text' })
  reasonsJson: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  fingerprint: string;

  @Column({ type: 'varchar', length: 100 })
  submittedBy: string;

  @Column(CODE)
  submitterDistrict: string;

  // the district of the record the row describes (as named, or of the record it refers to), when
  // known: a county sees the rejected rows of its county whoever submitted them
  @Column({ ...CODE, nullable: true })
  recordDistrict: string | null;

  // the row's source key, when it has one: an accepted row with this key resolves the open entry
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceKey: string | null;

  // earlier states of the entry, oldest first, as JSON: [{ at, by, reasons, fields }]; a resubmission
  // adds the state it replaces, so the original reasons are never lost
  @Column({ type: 'text', nullable: true })
  historyJson: string | null;

  @CreateDateColumn()
  receivedAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @Field({ description: 'Corrected and accepted (已处理)' })
  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Id of the record the corrected row became (处理后记录编号)' })
  @Column({ type: 'int', nullable: true })
  resolvedRecordId: number | null;
}

// One department's version of a person: what it last sent about the person.
@ObjectType('PersonIdentityVersion', { description: "One department's version of a person's identity (部门身份信息版本)" })
@Entity('person_identity')
@Index(['personId', 'department'], { unique: true })
export class PersonIdentity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  personId: number;

  @Field(() => Department, { description: 'Department (部门)' })
  @Column(ENUM)
  department: Department;

  @Field({ description: 'Name as this department records it (姓名)' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => DateScalar, { description: 'Birth date as this department records it (出生日期)' })
  @Column(DAY)
  birthDate: string;

  @Field({ description: 'Residence district code (居住地区划代码)' })
  @Column(CODE)
  residenceDistrictCode: string;

  @Field(() => String, { nullable: true, description: 'Household registration district code (户籍地区划代码)' })
  @Column({ ...CODE, nullable: true })
  householdDistrictCode: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

// Two departments disagree on a detail of one person; both versions stay until someone reviews it.
@ObjectType({ description: 'Two departments disagree on a personal detail, for review (身份信息冲突)' })
@Entity('identity_conflict')
@Index(['resolved', 'id'])
export class IdentityConflict {
  @Field(() => ID, { description: 'Internal identifier (内部编号)' })
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  personId: number;

  @Field(() => IdentityField, { description: 'The detail in dispute (冲突字段)' })
  @Column(ENUM)
  field: IdentityField;

  @Field(() => Department, { description: 'First department, in the fixed order PUBLIC_SECURITY, JUSTICE, EMPLOYMENT (部门甲)' })
  @Column(ENUM)
  departmentA: Department;

  @Field({ description: "First department's value (部门甲的值)" })
  @Column({ type: 'varchar', length: 50 })
  valueA: string;

  @Field(() => Department, { description: 'Second department (部门乙)' })
  @Column(ENUM)
  departmentB: Department;

  @Field({ description: "Second department's value (部门乙的值)" })
  @Column({ type: 'varchar', length: 50 })
  valueB: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  fingerprint: string;

  @CreateDateColumn()
  detectedAt: Date;

  @Field({ description: 'Reviewed and settled (已处理)' })
  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;
}
