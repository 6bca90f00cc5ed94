// Entity columns as the upsert writes and compares them: read once per entity from TypeORM's metadata.
import { DataSource } from 'typeorm';

export interface Column {
  prop: string;
  db: string;
  type: string;
  scale: number;
}

// Column values compared the way the database stores them.
export function normalise(col: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case 'boolean':
      return typeof v === 'boolean' ? v : Number(v) !== 0;
    case 'int':
    case 'integer':
    case 'bigint':
      return Number(v);
    case 'decimal':
      return Number(Number(v).toFixed(col.scale));
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    default:
      return String(v);
  }
}

const columnCache = new WeakMap<DataSource, Map<Function, { table: string; columns: Column[] }>>();
export function tableOf(ds: DataSource, entity: Function): { table: string; columns: Column[] } {
  let perDs = columnCache.get(ds);
  if (!perDs) columnCache.set(ds, (perDs = new Map()));
  let info = perDs.get(entity);
  if (!info) {
    const md = ds.getMetadata(entity);
    const seen = new Set<string>();
    const columns: Column[] = [];
    for (const c of md.columns) {
      if (c.isGenerated || c.isCreateDate || c.isUpdateDate || seen.has(c.databaseName)) continue;
      seen.add(c.databaseName);
      const type = typeof c.type === 'string' ? c.type : c.type === Boolean ? 'boolean' : c.type === Number ? 'int' : 'varchar';
      columns.push({ prop: c.propertyName, db: c.databaseName, type, scale: Number(c.scale ?? 0) });
    }
    info = { table: md.tableName, columns };
    perDs.set(entity, info);
  }
  return info;
}
