import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate, loadedColumns, rowShape } from './loaders';

// Records read as JSON inside the statement of another row: a scalar subquery that answers an entity's
// rows tied to the enclosing row as one JSON array (or object), with the records they refer to nested
// in each of them, so that a whole tree of lists costs one column of one statement. Read back into
// entity instances with the same column conversions as the loaders' rows (src/common/loaders.ts):
// booleans from 0/1, decimals to numbers by their transformers, days as 'YYYY-MM-DD'.
//
// MariaDB 10.5+ orders JSON_ARRAYAGG itself, SQLite 3.44+ json_group_array; MySQL 8 and TiDB cannot
// (JSON_ARRAYAGG takes no ORDER BY), so there the records are sorted after parsing, on the same keys.

type Dialect = 'mariadb' | 'mysql' | 'sqlite';
export type Order = ReadonlyArray<readonly [property: string, direction: 'ASC' | 'DESC']>;

function dialectOf(ds: DataSource): Dialect {
  const type = ds.options.type;
  if (type === 'mariadb' || type === 'mysql') return type;
  if (type === 'better-sqlite3') return 'sqlite';
  throw new Error(`JSON lists are not written for ${type}`);
}

// The records of one entity tied to the enclosing row.
export interface JsonShape<T extends ObjectLiteral> {
  target: EntityTarget<T>;
  // the table's alias; unique along the chain of enclosing shapes, since inner ones refer to outer ones
  alias: string;
  // FROM text after the table and its alias, e.g. a LEFT JOIN for `values`
  join?: string;
  // ties the rows to the enclosing row, e.g. `d.person_id = p.id`
  where: string;
  // at most one record (found by a key): an object, or null; otherwise a list in `order`
  one?: boolean;
  order?: Order;
  // further plain values of each record beside its columns: key -> SQL expression
  values?: Readonly<Record<string, string>>;
  // records of other shapes tied to each record: key -> shape
  nested?: Readonly<Record<string, JsonShape<any>>>;
  // puts what was read beside the columns onto the record: `item` is the parsed JSON object (its
  // `values` as they came), `nested` the records read from its nested shapes
  attach?(record: T, item: Record<string, any>, nested: Record<string, any>): void;
}

interface Compiled {
  sql: string;
  // the parsed JSON value of the subquery (an array, an object or null) as records
  read(value: unknown): unknown;
}

function compile(ds: DataSource, shape: JsonShape<any>): Compiled {
  const dialect = dialectOf(ds);
  const metadata = ds.getMetadata(shape.target);
  const q = (name: string) => ds.driver.escape(name);
  const column = (property: string) => {
    const c = metadata.findColumnWithPropertyName(property);
    if (!c) throw new Error(`${metadata.name} has no column ${property}`);
    return `${shape.alias}.${q(c.databaseName)}`;
  };
  const nested = Object.entries(shape.nested ?? {}).map(([key, s]) => [key, compile(ds, s)] as const);
  const entries = [
    ...loadedColumns(metadata).map((c) => `'${c.propertyName}', ${shape.alias}.${q(c.databaseName)}`),
    ...Object.entries(shape.values ?? {}).map(([key, sql]) => `'${key}', ${sql}`),
    // SQLite keeps a value's JSON type only within one query level: json() restores it
    ...nested.map(([key, c]) => `'${key}', ${dialect === 'sqlite' ? `json(${c.sql})` : c.sql}`),
  ];
  const object = `${dialect === 'sqlite' ? 'json_object' : 'JSON_OBJECT'}(${entries.join(', ')})`;
  const from = `FROM ${q(metadata.tableName)} ${shape.alias}${shape.join ? ` ${shape.join}` : ''} WHERE ${shape.where}`;

  const entity = rowShape(ds, metadata, '', (c) => c.propertyName);
  const readItem = (item: Record<string, any>): unknown => {
    const record = hydrate<ObjectLiteral>(entity, item);
    if (nested.length) {
      const read: Record<string, unknown> = {};
      for (const [key, c] of nested) read[key] = c.read(item[key]);
      shape.attach?.(record, item, read);
    } else shape.attach?.(record, item, {});
    return record;
  };

  if (shape.one) {
    return { sql: `(SELECT ${object} ${from} LIMIT 1)`, read: (value) => (value === null || value === undefined ? null : readItem(value as Record<string, any>)) };
  }
  const order = shape.order ?? [];
  const orderBy = order.length ? ` ORDER BY ${order.map(([p, direction]) => `${column(p)} ${direction}`).join(', ')}` : '';
  const aggregate =
    dialect === 'sqlite' ? `json_group_array(${object}${orderBy})` : dialect === 'mariadb' ? `JSON_ARRAYAGG(${object}${orderBy})` : `JSON_ARRAYAGG(${object})`;
  const sort = dialect === 'mysql' && order.length ? comparator(order) : null;
  return {
    sql: `(SELECT ${aggregate} ${from})`,
    read: (value) => {
      if (value === null || value === undefined) return []; // no rows: NULL on MySQL and MariaDB, [] on SQLite
      const items = value as Array<Record<string, any>>;
      if (sort) items.sort(sort);
      const records = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) records[i] = readItem(items[i]);
      return records;
    },
  };
}

// ORDER BY on the parsed items: nulls first ascending, as MySQL orders them.
function comparator(order: Order) {
  return (a: Record<string, any>, b: Record<string, any>): number => {
    for (const [property, direction] of order) {
      const x = a[property];
      const y = b[property];
      if (x === y) continue;
      const c = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return direction === 'ASC' ? c : -c;
    }
    return 0;
  };
}

// A list of records as one column of a statement: its SQL (a scalar subquery, for the dialect of the
// data source) and how the column's value becomes the records.
export interface JsonList<T> {
  readonly name: string;
  compile(ds: DataSource): { sql: string; read(value: unknown): T[] };
}

export function jsonList<T extends ObjectLiteral>(name: string, shape: JsonShape<T>): JsonList<T> {
  const compiled = new WeakMap<DataSource, { sql: string; read(value: unknown): T[] }>();
  return {
    name,
    compile(ds) {
      let c = compiled.get(ds);
      if (!c) {
        const { sql, read } = compile(ds, { ...shape, one: false });
        // MariaDB and SQLite answer JSON as text; mysql2 parses MySQL's JSON type itself
        c = { sql, read: (value) => read(typeof value === 'string' ? JSON.parse(value) : Buffer.isBuffer(value) ? JSON.parse(value.toString('utf8')) : value) as T[] };
        compiled.set(ds, c);
      }
      return c;
    },
  };
}

// A constant of the application (a table name, a kind) as an SQL string literal inside a shape's text.
export function sqlText(value: string): string {
  if (!/^[\w .-]*$/.test(value)) throw new Error(`not a plain constant: ${value}`);
  return `'${value}'`;
}
