import DataLoader from 'dataloader';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { readQuery } from './read-replica';

// Upper bound on keys per batch: keeps IN lists well under SQLite's and MySQL's parameter limits.
export const MAX_BATCH_SIZE = 500;

// One statement for many parents: rows grouped back to their keys, in key order ([] when none).
export function groupedLoader<K extends string | number, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const byKey = new Map<K, T[]>();
      for (const row of await fetch(keys)) {
        const k = keyOf(row);
        const list = byKey.get(k);
        if (list) list.push(row);
        else byKey.set(k, [row]);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

// One statement for many ids: a row per key, null where missing.
export function byIdLoader<K extends string | number, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(
    async (keys) => {
      const byKey = new Map<K, T>();
      for (const row of await fetch(keys)) byKey.set(keyOf(row), row);
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

// ---------------------------------------------------------------------------------------------
// The statement behind most loaders, without the query builder

interface KeyedSelect {
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
  head: string; // SELECT ... WHERE key IN (
  tail: string; // ) ORDER BY ...
}

const keyedSelects = new WeakMap<DataSource, Map<string, KeyedSelect>>();

function keyedSelect(ds: DataSource, target: EntityTarget<ObjectLiteral>, keyProperty: string, order: ReadonlyArray<readonly [string, 'ASC' | 'DESC']>): KeyedSelect {
  let byShape = keyedSelects.get(ds);
  if (!byShape) keyedSelects.set(ds, (byShape = new Map()));
  const metadata = ds.getMetadata(target);
  const shape = `${metadata.name}|${keyProperty}|${order.map(([p, d]) => `${p} ${d}`).join(',')}`;
  let select = byShape.get(shape);
  if (!select) {
    const q = (name: string) => ds.driver.escape(name);
    const column = (property: string) => {
      const c = metadata.findColumnWithPropertyName(property);
      if (!c) throw new Error(`${metadata.name} has no column ${property}`);
      return c;
    };
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    const orderBy = order.map(([p, d]) => `t.${q(column(p).databaseName)} ${d}`).join(', ');
    select = {
      metadata,
      columns,
      head: `SELECT ${columns.map((c) => `t.${q(c.databaseName)}`).join(', ')} FROM ${q(metadata.tableName)} t WHERE t.${q(column(keyProperty).databaseName)} IN (`,
      tail: `)${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
    };
    byShape.set(shape, select);
  }
  return select;
}

// The rows of an entity whose `keyProperty` is one of `keys`, in `order`, as entity instances: what
// repository.find({ where: { [keyProperty]: In(keys) }, order }) returns, with every column, hydrated
// by the driver the same way (transformers, booleans, dates), but with the SQL text built once per
// shape instead of by the query builder for every batch. Relation fields resolve through this on
// every request, so its cost is paid tens of times per person profile and thousands of times per page.
export async function findByKeys<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  keyProperty: string,
  keys: readonly (string | number)[],
  order: ReadonlyArray<readonly [string, 'ASC' | 'DESC']> = [],
): Promise<T[]> {
  if (!keys.length) return [];
  const { metadata, columns, head, tail } = keyedSelect(ds, target, keyProperty, order);
  const rows = (await readQuery(ds, `${head}${keys.map(() => '?').join(', ')}${tail}`, [...keys])) as Array<Record<string, unknown>>;
  const driver = ds.driver;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const c of columns) {
      const value = row[c.databaseName];
      if (value !== undefined) c.setEntityValue(entity, driver.prepareHydratedValue(value, c));
    }
    return entity;
  });
}
