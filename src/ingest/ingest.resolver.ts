import { personLoaders } from '../core/person.loaders';
import { readFromPrimaryFromNowOn } from '../common/read-replica';
// GraphQL: one upsert mutation per kind of record a department sends, the quarantine of rejected
// rows, and the identity conflicts between departments. Who may call what is in ACCESS_RULES; the
// department and jurisdiction checks that depend on the data are here and in the engine.
import DataLoader from 'dataloader';
import { GraphQLError, GraphQLResolveInfo, print } from 'graphql';
import { In } from 'typeorm';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { appendAuditEvent } from '../audit/audit.service';
import { AuditOutcome } from '../audit/audit-event.entity';
import { jurisdictionCodes, withinJurisdiction } from '../policy/jurisdiction';
import { badInput, domainError } from '../common/errors';
import { groupedLoader } from '../common/loaders';
import { inTransaction } from '../common/transactions';
import { checkPageSize, decodeCursor, toConnection } from '../common/pagination/connection';
import { Context, requestScoped } from '../core/context';
import { lockIndicatorLedger, refreshPersonIndicators } from '../indicators/summary/summary.store';
import { Person } from '../core/person.entity';
import { IdentityConflict, PersonIdentity, RejectedRecord } from './ingest.entities';
import { Department, IdentityField, UpsertStatus } from './ingest.enums';
import { auditWrite, Ingestion } from './ingest.service';
import { IdentityConflictConnection, RejectedRecordConnection, RejectionReason, UpsertPayload } from './ingest.types';
import { parseKind } from './record-kinds';
import { operationName } from './upsert-mutations';
import { assertMayWrite, conflictDepartmentScope, mayReviewConflict, mayWrite } from '../policy/write-rights';

// Timestamps as ISO 8601 UTC, whichever way the driver returned them.
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?/.exec(s);
  return m ? `${m[1]}T${m[2]}${(m[3] ?? '.000').slice(0, 4).padEnd(4, '0')}Z` : s;
}


function parseHistory(text: string | null): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

// A TEXT column holds 16,000 characters of up to 4 bytes: the first state (the original reasons) is
// always kept, the oldest of the later ones give way.
function trimHistory(history: unknown[]): string {
  const list = [...history];
  let text = JSON.stringify(list);
  while (text.length > 16_000 && list.length > 2) {
    list.splice(1, 1);
    text = JSON.stringify(list);
  }
  return text.length > 16_000 ? JSON.stringify(list.slice(0, 1)).slice(0, 16_000) : text;
}

@Resolver()
export class IngestResolver {
  @Mutation(() => UpsertPayload, {
    description: 'Submit a quarantined row again, corrected or as it was (e.g. once the case it refers to has arrived); accepted rows mark the entry resolved (重新提交拒收记录)',
  })
  async resubmitRejectedRecord(
    @Arg('id', () => ID, { description: 'The quarantine entry (隔离记录编号)' }) id: string,
    @Arg('corrected', () => String, { nullable: true, description: 'The corrected fields as a JSON object; omitted = the fields as received (更正后的字段, JSON)' }) corrected: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UpsertPayload> {
    const record = await ctx.ds.getRepository(RejectedRecord).findOneBy({ id: Number(id) || -1 });
    // another department's row, or one outside the jurisdiction, is answered like a row that does not
    // exist: the answer tells nothing of other departments' quarantine
    const visible =
      record &&
      mayWrite(ctx.viewer, record.department) &&
      (withinJurisdiction(ctx.viewer, ctx.tree, record.submitterDistrict) || (!!record.recordDistrict && withinJurisdiction(ctx.viewer, ctx.tree, record.recordDistrict)));
    if (!record || !visible) throw domainError('NOT_FOUND', `No quarantined row ${id}`);
    if (record.resolved) throw badInput('This row has been resolved already', 'id', 'RESOLVED');
    let fields: Record<string, unknown>;
    try {
      // a correction names only the fields to change (null clears one); the others are taken as received
      const change: unknown = corrected === null ? {} : JSON.parse(corrected);
      if (!change || typeof change !== 'object' || Array.isArray(change)) throw badInput('corrected: a JSON object of input fields', 'corrected', 'PARSE');
      fields = { ...(JSON.parse(record.fields ?? '{}') as Record<string, unknown>), ...(change as Record<string, unknown>) };
    } catch (err) {
      if (err instanceof GraphQLError) throw err;
      throw badInput('corrected: not valid JSON', 'corrected', 'PARSE');
    }
    const kind = record.recordKind ?? parseKind(fields.kind);
    if (!kind) throw badInput('corrected: give "kind", the record kind', 'corrected', 'UNKNOWN_KIND');
    const ingestion = new Ingestion({
      ds: ctx.ds, tree: ctx.tree, viewer: ctx.viewer, department: record.department, source: `resubmit:${record.id}`, keepResults: true, quarantine: false,
    });
    await ingestion.push({ rowNumber: record.rowNumber, kind, raw: JSON.stringify(fields), fields });
    const summary = await ingestion.finish();
    const result = ingestion.results[0];
    const repo = ctx.ds.getRepository(RejectedRecord);
    const fieldsText = JSON.stringify(fields);
    // the state this resubmission replaces goes into the history: the original reasons are kept
    const history = [...parseHistory(record.historyJson), { at: new Date().toISOString(), by: ctx.viewer.sub.slice(0, 100), reasons: JSON.parse(record.reasonsJson) as unknown, fields: record.fields }];
    const historyJson = trimHistory(history);
    if (result.status === UpsertStatus.REJECTED) {
      await repo.update({ id: record.id }, { reasonsJson: JSON.stringify(result.reasons), fields: fieldsText.length <= 16000 ? fieldsText : record.fields, historyJson });
      result.rejectedRecordId = record.id;
    } else {
      await repo.update({ id: record.id }, { resolved: true, resolvedAt: new Date(), resolvedRecordId: result.id, fields: fieldsText.length <= 16000 ? fieldsText : record.fields, historyJson });
    }
    await auditWrite(ctx.ds, ctx.viewer, {
      operationName: operationName(info), document: print(info.operation), summary, personIds: ingestion.personIds, personIdsTruncated: ingestion.personIdsTruncated, extra: { mutation: info.fieldName, rejectedRecordId: record.id },
    });
    return { summary, results: ingestion.results };
  }

  @Mutation(() => IdentityConflict, {
    description: "Settle an identity conflict; with `keep`, the person's name or residence becomes that department's version (处理身份信息冲突)",
  })
  async resolveIdentityConflict(
    @Arg('id', () => ID, { description: 'The conflict (冲突编号)' }) id: string,
    @Arg('keep', () => Department, { nullable: true, description: "Department whose version the person record takes (采用哪个部门的版本)" }) keep: Department | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IdentityConflict> {
    const conflict = await ctx.ds.getRepository(IdentityConflict).findOneBy({ id: Number(id) || -1 });
    const person = conflict && (await ctx.ds.getRepository(Person).findOneBy({ id: conflict.personId }));
    if (!conflict || !person || !this.mayReview(ctx, conflict, person)) throw domainError('NOT_FOUND', `No identity conflict ${id}`);
    if (keep && keep !== conflict.departmentA && keep !== conflict.departmentB) throw badInput('keep: one of the two departments in conflict', 'keep');
    const value = keep === conflict.departmentA ? conflict.valueA : conflict.valueB;
    await inTransaction(ctx.ds, async (em) => {
      if (keep && conflict.field === IdentityField.RESIDENCE_DISTRICT) await lockIndicatorLedger(em); // first: see summary.store.ts
      if (keep && conflict.field === IdentityField.NAME) await em.getRepository(Person).update({ id: person.id }, { name: value });
      if (keep && conflict.field === IdentityField.RESIDENCE_DISTRICT) {
        await em.getRepository(Person).update({ id: person.id }, { residenceDistrictCode: value });
        await refreshPersonIndicators(em, [person.id]); // the person's figures move with the residence
      }
      await em.getRepository(IdentityConflict).update({ id: conflict.id }, { resolved: true, resolvedAt: new Date() });
    });
    await appendAuditEvent(ctx.ds, {
      viewer: ctx.viewer, operationName: operationName(info), document: print(info.operation),
      variables: { mutation: info.fieldName, conflictId: conflict.id, field: conflict.field, keep }, personIds: [person.id], outcome: AuditOutcome.ALLOWED,
    });
    return (await ctx.ds.getRepository(IdentityConflict).findOneByOrFail({ id: conflict.id }));
  }

  private mayReview(ctx: Context, conflict: IdentityConflict, person: Person): boolean {
    return mayReviewConflict(ctx.viewer, conflict.departmentA, conflict.departmentB) && withinJurisdiction(ctx.viewer, ctx.tree, person.residenceDistrictCode);
  }

  @Query(() => RejectedRecordConnection, { description: "A department's quarantined rows, oldest first (部门拒收记录隔离区)" })
  async rejectedRecords(
    @Arg('department', () => Department, { description: 'Department (部门)' }) department: Department,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
    @Arg('unresolvedOnly', () => Boolean, { nullable: true, defaultValue: true, description: 'Only rows not yet resolved; default true (仅未处理)' }) unresolvedOnly = true,
  ) {
    assertMayWrite(ctx.viewer, department);
    readFromPrimaryFromNowOn(); // review lists and what they link to: as written, never a lagging replica
    const n = checkPageSize(first);
    const afterId = decodeCursor(after);
    const codes = jurisdictionCodes(ctx.viewer, ctx.tree);
    const base = () => {
      const qb = ctx.ds.getRepository(RejectedRecord).createQueryBuilder('r').where('r.department = :department', { department });
      if (unresolvedOnly) qb.andWhere('r.resolved = :no', { no: false });
      // the county of the record, whoever submitted it; and what one submitted oneself
      if (codes) qb.andWhere('(r.record_district IN (:...codes) OR r.submitter_district IN (:...codes))', { codes });
      return qb;
    };
    const page = base().orderBy('r.id', 'ASC').take(n + 1);
    if (afterId !== undefined) page.andWhere('r.id > :afterId', { afterId });
    const [rows, total] = await Promise.all([n ? page.getMany() : Promise.resolve([]), base().getCount()]);
    return toConnection(rows, n, total);
  }

  @Query(() => IdentityConflictConnection, { description: 'Persons on whom departments disagree, for review, oldest first (身份信息冲突列表)' })
  async identityConflicts(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 500 (每页条数)' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (起始游标)' }) after?: string,
    @Arg('unresolvedOnly', () => Boolean, { nullable: true, defaultValue: true, description: 'Only conflicts not yet settled; default true (仅未处理)' }) unresolvedOnly = true,
  ) {
    readFromPrimaryFromNowOn(); // the conflicts and their persons (loaders) as written, never a lagging replica
    const n = checkPageSize(first);
    const afterId = decodeCursor(after);
    const codes = jurisdictionCodes(ctx.viewer, ctx.tree);
    const scope = conflictDepartmentScope(ctx.viewer);
    const base = () => {
      const qb = ctx.ds.getRepository(IdentityConflict).createQueryBuilder('c');
      if (unresolvedOnly) qb.andWhere('c.resolved = :no', { no: false });
      if (!scope.all) qb.andWhere('(c.department_a = :own OR c.department_b = :own)', { own: scope.department ?? '-' });
      if (codes) qb.andWhere('c.person_id IN (SELECT p.id FROM person p WHERE p.residence_district_code IN (:...codes))', { codes });
      return qb;
    };
    const page = base().orderBy('c.id', 'ASC').take(n + 1);
    if (afterId !== undefined) page.andWhere('c.id > :afterId', { afterId });
    const [rows, total] = await Promise.all([n ? page.getMany() : Promise.resolve([]), base().getCount()]);
    return toConnection(rows, n, total);
  }
}

// person id -> every department's version, one statement per page of conflicts (made once per request)
// A person's identity versions, one batched statement per request (like every module's loaders).
const versionLoader = requestScoped(function versionLoader(ctx): DataLoader<number, PersonIdentity[]> {
  return groupedLoader<number, PersonIdentity>(
    (ids) => ctx.ds.getRepository(PersonIdentity).find({ where: { personId: In([...ids]) }, order: { id: 'ASC' } }),
    (v) => v.personId,
  );
});

@Resolver(() => RejectedRecord)
export class RejectedRecordResolver {
  @FieldResolver(() => [RejectionReason], { description: 'Why the row was rejected (拒收原因)' })
  reasons(@Root() r: RejectedRecord): RejectionReason[] {
    return JSON.parse(r.reasonsJson) as RejectionReason[];
  }

  @FieldResolver(() => String, { description: 'When first received, ISO 8601 UTC (接收时间)' })
  receivedAt(@Root() r: RejectedRecord): string {
    return toIso(r.receivedAt)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'When resolved, ISO 8601 UTC (处理时间)' })
  resolvedAt(@Root() r: RejectedRecord): string | null {
    return toIso(r.resolvedAt);
  }
}

@Resolver(() => IdentityConflict)
export class IdentityConflictResolver {
  @FieldResolver(() => Person, { description: 'The person (人员)' })
  async person(@Root() c: IdentityConflict, @Ctx() ctx: Context): Promise<Person> {
    const p = await personLoaders(ctx).personById.load(c.personId);
    if (!p) throw domainError('NOT_FOUND', 'The person of this conflict no longer exists');
    return p;
  }

  @FieldResolver(() => [PersonIdentity], { description: "Every department's current version of the person (各部门的身份信息版本)" })
  versions(@Root() c: IdentityConflict, @Ctx() ctx: Context): Promise<PersonIdentity[]> {
    return versionLoader(ctx).load(c.personId);
  }

  @FieldResolver(() => String, { description: 'When detected, ISO 8601 UTC (发现时间)' })
  detectedAt(@Root() c: IdentityConflict): string {
    return toIso(c.detectedAt)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'When settled, ISO 8601 UTC (处理时间)' })
  resolvedAt(@Root() c: IdentityConflict): string | null {
    return toIso(c.resolvedAt);
  }
}


@Resolver(() => PersonIdentity)
export class PersonIdentityResolver {
  @FieldResolver(() => String, { description: 'When this department last changed its version, ISO 8601 UTC (更新时间)' })
  updatedAt(@Root() v: PersonIdentity): string {
    return toIso(v.updatedAt)!;
  }
}
