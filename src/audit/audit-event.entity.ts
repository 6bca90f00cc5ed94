import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ENUM } from '../common/columns';
import { Role } from '../policy/viewer';

export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  PARTIAL = 'PARTIAL',
  DENIED = 'DENIED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'What happened to an audited operation (审计结果)',
  valuesConfig: {
    ALLOWED: { description: 'Answered in full (允许)' },
    PARTIAL: { description: 'Answered with some fields refused or failed (部分允许)' },
    DENIED: { description: 'Refused (拒绝)' },
  },
});

@ObjectType({ description: 'Who asked: the subject of an audited operation (访问主体)' })
export class AuditSubject {
  @Field({ description: 'Token subject (用户标识)' })
  sub: string;

  @Field(() => Role, { description: 'Role (角色)' })
  role: Role;

  @Field({ description: 'Jurisdiction code (辖区代码)' })
  district: string;
}

// Append-only and hash-chained: seq is the position in the chain, hash = SHA-256(prevHash + canonical form).
@ObjectType({ description: 'One audited operation in the tamper-evident audit trail (审计事件)' })
@Entity('audit_event')
@Index(['subjectSub', 'occurredAt'])
@Index(['occurredAt'])
export class AuditEvent {
  @Field(() => ID, { description: 'Position in the hash chain, from 1 (序号)' })
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  seq: number;

  @Field({ description: 'When, ISO 8601 UTC with milliseconds (时间)' })
  @Column({ type: 'varchar', length: 24 })
  occurredAt: string;

  @Column({ type: 'varchar', length: 100 })
  subjectSub: string;

  @Column(ENUM)
  subjectRole: Role;

  @Column({ type: 'varchar', length: 12 })
  subjectDistrict: string;

  @Field(() => String, { nullable: true, description: 'GraphQL operation name (操作名称)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  operationName: string | null;

  @Field({ description: 'SHA-256 of the GraphQL document (查询文档摘要)' })
  @Column({ type: 'varchar', length: 64 })
  documentHash: string;

  @Field({ description: 'Variables as JSON, personal data masked (变量, 已脱敏)' })
  @Column({ type: 'text' })
  variables: string;

  @Field(() => String, { nullable: true, description: 'The X-Access-Purpose given (访问事由)' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  purpose: string | null;

  @Field(() => AuditOutcome, { description: 'Outcome (结果)' })
  @Column(ENUM)
  outcome: AuditOutcome;

  @Field(() => Int, { description: 'Number of persons whose data was returned (涉及人数)' })
  @Column({ type: 'int' })
  personCount: number;

  // ids of the persons returned, comma-separated in ascending order (also indexed in audit_event_person,
  // whose rows the database writes from this list in the statement that inserts the event)
  @Column({ type: 'text' })
  personIds: string;

  @Field({ description: "The previous event's hash (前一事件摘要)" })
  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Field({ description: 'HMAC-SHA-256, with a key kept outside the database, over the previous hash and this event; plain SHA-256 for events written before the chain was keyed (本事件摘要)' })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  // Which key made the hash: the first 12 hex characters of SHA-256 of the key; 'sha256' for events
  // written before the chain was keyed (src/audit/audit-key.ts)
  @Column({ type: 'varchar', length: 16, default: 'sha256' })
  keyId: string;
}

// person -> events, so that "who read this person" is an index lookup. Derived: a trigger on audit_event
// writes an event's rows from its person list, atomically with the event (src/audit/chain-head.ts).
@Entity('audit_event_person')
@Index(['personId', 'seq'])
export class AuditEventPerson {
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  seq: number;

  @PrimaryColumn({ type: 'int' })
  personId: number;
}

// One row (id 1): the chain head, the last event's seq and hash. A trigger moves it in the statement
// that inserts events, taking its lock: concurrent appends of several service instances take turns, and
// an event's primary key (seq) refuses a second event at the same position (src/audit/audit.service.ts).
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
