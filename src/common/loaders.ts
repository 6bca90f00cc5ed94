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

// Reads one column of a row into an entity: the driver's conversion (dates, booleans, transformers),
// skipped where the driver already gives the value the entity holds (text, integers, days as text).
interface ColumnReader {
  field: string; // the column's name in the result row
  read: (entity: ObjectLiteral, value: unknown) => void;
}

const TEXT_TYPES = new Set<unknown>(['varchar', 'char', 'text', 'nvarchar', String]);
const INTEGER_TYPES = new Set<unknown>(['int', 'integer', 'bigint', Number]);

function columnReader(ds: DataSource, c: ColumnMetadata, field: string): ColumnReader {
  const driver = ds.driver;
  const prepared = (entity: ObjectLiteral, value: unknown) => c.setEntityValue(entity, driver.prepareHydratedValue(value, c));
  if (c.embeddedMetadata || c.relationMetadata || c.transformer) return { field, read: prepared };
  const property = c.propertyName;
  const asIs = (type: string) => (entity: ObjectLiteral, value: unknown) => {
    if (value === null || typeof value === type) entity[property] = value;
    else prepared(entity, value);
  };
  if (TEXT_TYPES.has(c.type) || c.type === 'date') return { field, read: asIs('string') };
  if (INTEGER_TYPES.has(c.type)) return { field, read: asIs('number') };
  return { field, read: prepared };
}

// One entity's columns in a result row: how to make an instance of it from the row.
export interface RowShape {
  metadata: EntityMetadata;
  readers: ColumnReader[];
  prototype: object | null; // the entity class's prototype: rows become instances without running its constructor
  idField: string; // the field of its primary key (a joined row that is absent has it null)
}

// The columns the loaders read: all but virtual ones and the rows' own bookkeeping timestamps (created,
// updated), which no field or rule reads and which would cost two Date objects per row.
export const loadedColumns = (metadata: EntityMetadata) => metadata.columns.filter((c) => !c.isVirtual && !c.isCreateDate && !c.isUpdateDate);

// Readers in the order of loadedColumns (hydrateValues reads values by that position).
export function rowShape(ds: DataSource, metadata: EntityMetadata, prefix: string): RowShape {
  const columns = loadedColumns(metadata);
  return {
    metadata,
    readers: columns.map((c) => columnReader(ds, c, `${prefix}${c.databaseName}`)),
    prototype: typeof metadata.target === 'function' ? (metadata.target.prototype as object) : null,
    idField: `${prefix}${metadata.primaryColumns[0].databaseName}`,
  };
}

function hydrate<T>(shape: RowShape, row: Record<string, unknown>): T {
  const entity = (shape.prototype ? Object.create(shape.prototype) : shape.metadata.create()) as ObjectLiteral;
  for (const r of shape.readers) {
    const value = row[r.field];
    if (value !== undefined) r.read(entity, value);
  }
  return entity as T;
}

// Rows a query builder selected for an entity under `alias` (its columns as alias_column) as entity
// instances, converted as findByKeys converts its rows.
const selectedShapes = new WeakMap<DataSource, Map<string, RowShape>>();
export function hydrateSelected<T>(ds: DataSource, target: EntityTarget<T & ObjectLiteral>, alias: string, rows: ReadonlyArray<Record<string, unknown>>): T[] {
  let shapes = selectedShapes.get(ds);
  if (!shapes) selectedShapes.set(ds, (shapes = new Map()));
  const metadata = ds.getMetadata(target);
  const key = `${metadata.name}|${alias}`;
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, (shape = rowShape(ds, metadata, `${alias}_`)));
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = hydrate<T>(shape, rows[i]);
  return out;
}

// An entity from the values of its loaded columns in their order (a record of src/common/json-lists.ts).
export function hydrateValues<T>(shape: RowShape, values: readonly unknown[]): T {
  const entity = (shape.prototype ? Object.create(shape.prototype) : shape.metadata.create()) as ObjectLiteral;
  const readers = shape.readers;
  for (let i = 0; i < readers.length; i++) {
    const value = values[i];
    if (value !== undefined) readers[i].read(entity, value);
  }
  return entity as T;
}

// An entity a row refers to by one of its columns (`via`, the referring property), read in the same
// statement with a LEFT JOIN on the other entity's primary key.
export interface JoinedRow {
  target: EntityTarget<ObjectLiteral>;
  via: string;
}

interface KeyedSelect {
  main: RowShape;
  joined: RowShape[];
  head: string; // SELECT ... WHERE key IN (
  tail: string; // ) ORDER BY ...
}

const keyedSelects = new WeakMap<DataSource, Map<string, KeyedSelect>>();

function keyedSelect(
  ds: DataSource,
  target: EntityTarget<ObjectLiteral>,
  keyProperty: string,
  order: ReadonlyArray<readonly [string, 'ASC' | 'DESC']>,
  joins: readonly JoinedRow[],
): KeyedSelect {
  let byShape = keyedSelects.get(ds);
  if (!byShape) keyedSelects.set(ds, (byShape = new Map()));
  const metadata = ds.getMetadata(target);
  const joinedMetadata = joins.map((j) => ds.getMetadata(j.target));
  const shape = `${metadata.name}|${keyProperty}|${order.map(([p, d]) => `${p} ${d}`).join(',')}|${joins.map((j, i) => `${joinedMetadata[i].name}:${j.via}`).join(',')}`;
  let select = byShape.get(shape);
  if (!select) {
    const q = (name: string) => ds.driver.escape(name);
    const column = (m: EntityMetadata, property: string) => {
      const c = m.findColumnWithPropertyName(property);
      if (!c) throw new Error(`${m.name} has no column ${property}`);
      return c;
    };
    const columns = loadedColumns;
    const orderBy = order.map(([p, d]) => `t.${q(column(metadata, p).databaseName)} ${d}`).join(', ');
    const selected = [
      ...columns(metadata).map((c) => `t.${q(c.databaseName)}`),
      ...joinedMetadata.flatMap((m, i) => columns(m).map((c) => `j${i}.${q(c.databaseName)} AS ${q(`j${i}_${c.databaseName}`)}`)),
    ];
    const joinText = joinedMetadata
      .map((m, i) => ` LEFT JOIN ${q(m.tableName)} j${i} ON j${i}.${q(m.primaryColumns[0].databaseName)} = t.${q(column(metadata, joins[i].via).databaseName)}`)
      .join('');
    select = {
      main: rowShape(ds, metadata, ''),
      joined: joinedMetadata.map((m, i) => rowShape(ds, m, `j${i}_`)),
      head: `SELECT ${selected.join(', ')} FROM ${q(metadata.tableName)} t${joinText} WHERE t.${q(column(metadata, keyProperty).databaseName)} IN (`,
      tail: `)${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
    };
    byShape.set(shape, select);
  }
  return select;
}

// The rows of an entity whose `keyProperty` is one of `keys`, in `order`, as entity instances: what
// repository.find({ where: { [keyProperty]: In(keys) }, order }) returns (without the timestamps), hydrated
// by the driver the same way (transformers, booleans, dates; columns the driver already gives as the
// entity holds them are copied), but with the SQL text built once per shape instead of by the query
// builder for every batch. Relation fields resolve through this on every request, so its cost is
// paid tens of times per person profile and thousands of times per page.
export async function findByKeys<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  keyProperty: string,
  keys: readonly (string | number)[],
  order: ReadonlyArray<readonly [string, 'ASC' | 'DESC']> = [],
): Promise<T[]> {
  return (await findByKeysJoined(ds, target, keyProperty, keys, order, [])).map(([row]) => row);
}

// findByKeys, each row with the entities it refers to (`joins`, in order; null where it refers to
// none), in the same statement: a loader primes the loaders of those entities with them, so the
// relation costs neither a statement nor a round trip of its own.
export async function findByKeysJoined<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  keyProperty: string,
  keys: readonly (string | number)[],
  order: ReadonlyArray<readonly [string, 'ASC' | 'DESC']>,
  joins: readonly JoinedRow[],
): Promise<Array<[T, ...Array<ObjectLiteral | null>]>> {
  if (!keys.length) return [];
  const { main, joined, head, tail } = keyedSelect(ds, target, keyProperty, order, joins);
  const rows = (await readQuery(ds, `${head}${keys.map(() => '?').join(', ')}${tail}`, [...keys])) as Array<Record<string, unknown>>;
  const out = new Array<[T, ...Array<ObjectLiteral | null>]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const entry: [T, ...Array<ObjectLiteral | null>] = [hydrate<T>(main, row)];
    for (const j of joined) entry.push(row[j.idField] === null || row[j.idField] === undefined ? null : hydrate<ObjectLiteral>(j, row));
    out[i] = entry;
  }
  return out;
}
