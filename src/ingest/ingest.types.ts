// GraphQL output types of the ingestion: per-item results and the summary of a call or an import.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination/connection';
import { IdentityConflict, RejectedRecord } from './ingest.entities';
import { Department, RecordKind, UpsertStatus } from './ingest.enums';

@ObjectType({ description: 'Why a row was rejected: the field and the rule it broke (拒收原因)' })
export class RejectionReason {
  @Field({ description: "Input field, e.g. idNumber; empty for the whole row (字段)" })
  field: string;

  @Field({ description: 'Rule broken, e.g. ID_NUMBER_CHECK_CHARACTER, FUTURE_DATE, UNKNOWN_DISTRICT, JURISDICTION (规则)' })
  rule: string;

  @Field({ description: 'Explanation; never repeats the value (说明)' })
  message: string;
}

@ObjectType({ description: 'What happened to one submitted item (单条记录处理结果)' })
export class UpsertItemResult {
  @Field(() => Int, { description: 'Position in the submitted list, from 0 (序号)' })
  index: number;

  @Field(() => Int, { description: 'Row number: the line in a file, the list index for a mutation (行号)' })
  rowNumber: number;

  @Field(() => RecordKind, { nullable: true, description: 'Kind of record (记录类型)' })
  recordKind: RecordKind | null;

  @Field(() => String, { nullable: true, description: 'Source key as sent (来源系统编号)' })
  sourceKey: string | null;

  @Field(() => UpsertStatus, { description: 'Inserted, updated, unchanged or rejected (处理结果)' })
  status: UpsertStatus;

  @Field(() => ID, { nullable: true, description: 'Internal id of the stored record; null when rejected (记录编号)' })
  id: number | null;

  @Field(() => [RejectionReason], { description: 'Why it was rejected; empty otherwise (拒收原因)' })
  reasons: RejectionReason[];

  @Field(() => ID, { nullable: true, description: 'The quarantine entry of a rejected item (隔离记录编号)' })
  rejectedRecordId: number | null;
}

@ObjectType({ description: 'Counts of one call or import; read = inserted + updated + unchanged + rejected (导入汇总)' })
export class ImportSummary {
  @Field(() => Department, { description: 'Department whose records were written (部门)' })
  department: Department;

  @Field(() => [RecordKind], { description: 'Kinds of record seen (记录类型)' })
  recordKinds: RecordKind[];

  @Field({ description: "File name, or 'graphql' (来源)" })
  source: string;

  @Field(() => Int, { description: 'Rows read (读取行数)' })
  read: number;

  @Field(() => Int, { description: 'New records (新增)' })
  inserted: number;

  @Field(() => Int, { description: 'Records changed (更新)' })
  updated: number;

  @Field(() => Int, { description: 'Records already as sent (无变化)' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows rejected and quarantined (拒收)' })
  rejected: number;

  @Field({ description: 'Whether read = inserted + updated + unchanged + rejected (收支平衡)' })
  balanced: boolean;

  @Field(() => Int, { description: 'Persons seen for the first time (新建人员)' })
  personsCreated: number;

  @Field(() => Int, { description: 'New disagreements with other departments on a person (新发现身份冲突)' })
  conflictsDetected: number;

  @Field(() => Int, { description: 'Transactions committed (提交批次)' })
  batches: number;
}

@ObjectType({ description: 'Result of an upsert mutation: the summary and one result per item (批量写入结果)' })
export class UpsertPayload {
  @Field(() => ImportSummary, { description: 'Counts (汇总)' })
  summary: ImportSummary;

  @Field(() => [UpsertItemResult], { description: 'One result per submitted item, in order (逐条结果)' })
  results: UpsertItemResult[];
}

export const RejectedRecordConnection = Connection(RejectedRecord, 'RejectedRecord', '拒收记录');
export const IdentityConflictConnection = Connection(IdentityConflict, 'IdentityConflict', '身份信息冲突');
