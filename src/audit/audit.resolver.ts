import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Brackets } from 'typeorm';
import { badInput } from '../common/errors';
import { checkPageSize, PageInfo, pageInfoOf } from '../common/pagination/connection';
import { Context } from '../core/context';
import { AuditEvent, AuditOutcome, AuditSubject } from './audit-event.entity';

@InputType({ description: 'Conditions on audit events (审计事件筛选条件)' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Events that returned this person (被访问人员编号)' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'Events of this token subject (访问主体)' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'From this instant, ISO 8601, inclusive (起始时间)' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this instant, ISO 8601, inclusive (截止时间)' })
  to?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Only this outcome (结果)' })
  outcome?: AuditOutcome | null;
}

@ObjectType({ description: 'An edge to an audit event (审计事件边)' })
class AuditEventEdge {
  @Field({ description: 'Opaque cursor (游标)' })
  cursor: string;

  @Field(() => AuditEvent, { description: 'The event (审计事件)' })
  node: AuditEvent;
}

@ObjectType({ description: 'A page of audit events, newest first (审计事件分页列表)' })
class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'Events with cursors (本页条目)' })
  edges: AuditEventEdge[];

  @Field(() => [AuditEvent], { description: 'Events of this page (本页节点)' })
  nodes: AuditEvent[];

  @Field(() => PageInfo, { description: 'Paging state (分页信息)' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Events matching, over all pages (总数)' })
  totalCount: number;
}

const cursorOf = (seq: number) => Buffer.from(`a:${seq}`).toString('base64url');
function seqOf(cursor: string): number {
  const m = /^a:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput('after: not a cursor returned by this API', 'after');
  return Number(m[1]);
}
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/;

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail: who read which persons, when and why (审计日志)' })
  async auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Conditions (筛选条件)' }) filter?: AuditEventFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
  ): Promise<AuditEventConnection> {
    const n = checkPageSize(first);
    const f = filter ?? {};
    for (const [k, v] of [['from', f.from], ['to', f.to]] as const) if (v && !INSTANT.test(v)) throw badInput(`filter.${k}: an ISO 8601 date or instant`, `filter.${k}`);
    const base = () => {
      const qb = ctx.ds.getRepository(AuditEvent).createQueryBuilder('e');
      if (f.personId) qb.andWhere('e.seq IN (SELECT ap.seq FROM audit_event_person ap WHERE ap.person_id = :pid)', { pid: Number(f.personId) });
      if (f.subject) qb.andWhere('e.subject_sub = :sub', { sub: f.subject });
      if (f.from) qb.andWhere('e.occurred_at >= :from', { from: f.from });
      if (f.to) qb.andWhere(new Brackets((w) => w.where('e.occurred_at <= :to', { to: f.to!.length === 10 ? `${f.to}T23:59:59.999Z` : f.to })));
      if (f.outcome) qb.andWhere('e.outcome = :outcome', { outcome: f.outcome });
      return qb;
    };
    const page = base().orderBy('e.seq', 'DESC').take(n + 1);
    if (after) page.andWhere('e.seq < :afterSeq', { afterSeq: seqOf(after) });
    const [rows, totalCount] = await Promise.all([n ? page.getMany() : Promise.resolve([]), base().getCount()]);
    const { nodes, pageInfo } = pageInfoOf(rows, n, after !== undefined && after !== null, (e) => cursorOf(e.seq));
    return { edges: nodes.map((node) => ({ cursor: cursorOf(node.seq), node })), nodes, pageInfo, totalCount };
  }

  @FieldResolver(() => AuditSubject, { description: 'Who asked (访问主体)' })
  subject(@Root() e: AuditEvent): AuditSubject {
    return { sub: e.subjectSub, role: e.subjectRole, district: e.subjectDistrict };
  }

  @FieldResolver(() => [ID], { description: 'Ids of the persons whose data was returned (被访问人员编号)' })
  personIds(@Root() e: AuditEvent): string[] {
    return e.personIds ? e.personIds.split(',') : [];
  }
}
