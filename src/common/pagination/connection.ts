import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../errors';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 20;

// Pages run forward only (first/after). hasPreviousPage is true when the page starts after a cursor,
// as the Relay cursor connections specification allows for forward paging.
@ObjectType({ description: 'Relay page information (分页信息)' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page (是否有下一页)' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items precede this page: true when it was asked for after a cursor (是否有上一页)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page (首项游标)' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page (末项游标)' })
  endCursor: string | null;
}

// Page information of a page of nodes read with one row more than asked for.
export function pageInfoOf<T>(rows: T[], first: number, afterGiven: boolean, cursorOf: (node: T) => string): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, first);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterGiven,
      startCursor: nodes.length ? cursorOf(nodes[0]) : null,
      endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null,
    },
  };
}

// Relay connection types for a node type, e.g. PersonConnection / PersonEdge.
export function Connection<T extends object>(Node: ClassType<T>, name: string, zh: string) {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name} (${zh})` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item (游标)' })
    cursor: string;

    @Field(() => Node, { description: `The ${name} (${zh})` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (${zh}分页列表)` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'Items of this page with their cursors (本页条目)' })
    edges: Edge[];

    @Field(() => [Node], { description: 'Items of this page (本页节点)' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Paging state (分页信息)' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items matching, over all pages (总数)' })
    totalCount: number;
  }
  return ConnectionType;
}

// Cursors are opaque: base64 of the row id, so clients do not build them.
export function encodeCursor(id: number): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const m = /^c:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput('after: not a cursor returned by this API', 'after');
  return Number(m[1]);
}

export function checkPageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw badInput(`first: must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return n;
}

export function toConnection<T extends { id: number }>(rows: T[], first: number, totalCount: number, afterGiven = false) {
  const { nodes, pageInfo } = pageInfoOf(rows, first, afterGiven, (node) => encodeCursor(node.id));
  return { edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })), nodes, pageInfo, totalCount };
}
