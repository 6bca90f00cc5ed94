// The upsert mutations, generated from the record kinds (record-kinds.ts): one mutation per kind,
// named and described there, each taking a list of that kind's input and answering per item. The
// generated methods are registered with type-graphql's own decorators, applied by hand.
import { GraphQLResolveInfo, print } from 'graphql';
import { Arg, Ctx, Info, Mutation } from 'type-graphql';
import { badInput } from '../common/errors';
import { Context } from '../core/context';
import { assertMayWrite } from '../policy/write-rights';
import { auditWrite, Ingestion } from './ingest.service';
import { UpsertPayload } from './ingest.types';
import { KindSpec, kindSpecs } from './record-kinds';

export const MAX_ITEMS_PER_CALL = 5000;

export function operationName(info: GraphQLResolveInfo): string {
  return info.operation.name?.value ?? info.fieldName;
}

async function upsertList(ctx: Context, info: GraphQLResolveInfo, spec: KindSpec, items: object[]): Promise<UpsertPayload> {
  assertMayWrite(ctx.viewer, spec.department);
  if (items.length > MAX_ITEMS_PER_CALL) {
    throw badInput(`input: at most ${MAX_ITEMS_PER_CALL} items per call; use POST /import/{department} for files`, 'input', 'MAX_ITEMS');
  }
  const ingestion = new Ingestion({ ds: ctx.ds, tree: ctx.tree, viewer: ctx.viewer, department: spec.department, source: 'graphql', keepResults: true });
  let failed = true;
  try {
    for (const [index, item] of items.entries()) {
      const fields = Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
      await ingestion.push({ rowNumber: index, kind: spec.kind, raw: JSON.stringify(fields), fields });
    }
    await ingestion.finish();
    failed = false;
  } finally {
    // batches committed before a failure are on record too
    if (!failed || ingestion.summary.read > 0) {
      await auditWrite(ctx.ds, ctx.viewer, {
        operationName: operationName(info), document: print(info.operation), summary: ingestion.summary, personIds: ingestion.personIds,
        personIdsTruncated: ingestion.personIdsTruncated, extra: { mutation: info.fieldName, ...(failed ? { failed: true } : {}) },
      });
    }
  }
  return { summary: ingestion.summary, results: ingestion.results };
}

// Adds `upsertXxx(input: [XxxInput!]!): UpsertPayload!` for every record kind of the registered
// departments to a resolver class; called by the composition root once the departments are registered.
const extended = new WeakSet<object>();
export function addUpsertMutations(resolver: { prototype: object }): void {
  if (extended.has(resolver)) return;
  extended.add(resolver);
  const proto = resolver.prototype as Record<string, unknown>;
  for (const spec of kindSpecs()) {
    const name = spec.mutation;
    proto[name] = function (input: object[], ctx: Context, info: GraphQLResolveInfo) {
      return upsertList(ctx, info, spec, input);
    };
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    Arg('input', () => [spec.input], { description: `The records, at most ${MAX_ITEMS_PER_CALL}; each is validated on its own (${spec.listZh})` })(proto, name, 0);
    Ctx()(proto, name, 1);
    Info()(proto, name, 2);
    Mutation(() => UpsertPayload, { description: spec.description })(proto, name, descriptor);
  }
}
