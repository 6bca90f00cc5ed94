import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrateValues, loadedColumns, rowShape } from './loaders';

// Records read as JSON inside the statement of another row: a scalar subquery that answers an entity's
// rows tied to the enclosing row as one JSON array, with the records they refer to nested in each of
// them, so that a whole tree of lists costs one column of one statement. Each record is itself a JSON
// array of its column values (positional: MariaDB builds it ~20 % faster than an object and the text
// is about half as long), read back into an entity instance with the same column conversions as the
// loaders' rows (src/common/loaders.ts): booleans from 0/1, decimals to numbers by their transformers,
// days as 'YYYY-MM-DD'.
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
  // at most one record, found by a key (`where` must find no more than one row), or null; otherwise a
  // list in `order`. Nested, it is LEFT JOINed to the enclosing rows on `where` (MariaDB prepares every
  // subquery of a statement anew each time it runs it, ~0.1 ms each).
  one?: boolean;
  order?: Order;
  // further plain values of each record beside its columns: key -> SQL expression
  values?: Readonly<Record<string, string>>;
  // records of other shapes tied to each record: key -> shape
  nested?: Readonly<Record<string, JsonShape<any>>>;
  // puts what was read beside the columns onto the record: `read` has the record's `values` and the
  // records of its nested shapes, by their keys
  attach?(record: T, read: Record<string, any>): void;
}

interface Compiled {
  // the value's SQL: a scalar subquery, or for a record joined to the enclosing row an expression
  sql: string;
  // what the value needs in the enclosing FROM: the LEFT JOINs of a joined record (and of those joined to it)
  joins: string;
  // the parsed JSON value (an array of records, a record or null) as entities
  read(value: unknown): unknown;
}

function compile(ds: DataSource, shape: JsonShape<any>, joined: boolean): Compiled {
  const dialect = dialectOf(ds);
  const metadata = ds.getMetadata(shape.target);
  const q = (name: string) => ds.driver.escape(name);
  const columns = loadedColumns(metadata);
  const values = Object.entries(shape.values ?? {});
  const nested = Object.entries(shape.nested ?? {}).map(([key, s]) => [key, compile(ds, s, s.one === true)] as const);
  const fields = [
    ...columns.map((c) => `${shape.alias}.${q(c.databaseName)}`),
    ...values.map(([, sql]) => sql),
    // SQLite keeps a value's JSON type only within one query level: json() restores a subquery's
    ...nested.map(([, c]) => (dialect === 'sqlite' && !c.joins ? `json(${c.sql})` : c.sql)),
  ];
  const record = `${dialect === 'sqlite' ? 'json_array' : 'JSON_ARRAY'}(${fields.join(', ')})`;
  const own = `${q(metadata.tableName)} ${shape.alias}`;
  const joins = `${shape.join ? ` ${shape.join}` : ''}${nested.map(([, c]) => c.joins).join('')}`;

  const entity = rowShape(ds, metadata, '');
  const extra = columns.length; // where the values and the nested records start in a record's array
  const readItem = (item: unknown[]): unknown => {
    const r = hydrateValues<ObjectLiteral>(entity, item);
    if (shape.attach) {
      const read: Record<string, unknown> = {};
      for (let i = 0; i < values.length; i++) read[values[i][0]] = item[extra + i];
      for (let i = 0; i < nested.length; i++) read[nested[i][0]] = nested[i][1].read(parsed(item[extra + values.length + i]));
      shape.attach(r, read);
    }
    return r;
  };

  if (shape.one) {
    const read = (value: unknown) => (value === null || value === undefined ? null : readItem(value as unknown[]));
    if (!joined) return { sql: `(SELECT ${record} FROM ${own}${joins} WHERE ${shape.where} LIMIT 1)`, joins: '', read };
    const key = `${shape.alias}.${q(metadata.primaryColumns[0].databaseName)}`;
    return { sql: `CASE WHEN ${key} IS NULL THEN NULL ELSE ${record} END`, joins: ` LEFT JOIN ${own} ON ${shape.where}${joins}`, read };
  }
  const order = (shape.order ?? []).map(([property, direction]) => {
    const i = columns.findIndex((c) => c.propertyName === property);
    if (i < 0) throw new Error(`${metadata.name} has no column ${property}`);
    return { i, direction, sql: `${shape.alias}.${q(columns[i].databaseName)} ${direction}` };
  });
  const orderBy = order.length ? ` ORDER BY ${order.map((o) => o.sql).join(', ')}` : '';
  const aggregate =
    dialect === 'sqlite' ? `json_group_array(${record}${orderBy})` : dialect === 'mariadb' ? `JSON_ARRAYAGG(${record}${orderBy})` : `JSON_ARRAYAGG(${record})`;
  const sort = dialect === 'mysql' && order.length ? comparator(order) : null;
  return {
    sql: `(SELECT ${aggregate} FROM ${own}${joins} WHERE ${shape.where})`,
    joins: '',
    read: (value) => {
      if (value === null || value === undefined) return []; // no rows: NULL on MySQL and MariaDB, [] on SQLite
      const items = value as unknown[][];
      if (sort) items.sort(sort);
      const records = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) records[i] = readItem(items[i]);
      return records;
    },
  };
}

// A nested value as parsed JSON: it comes parsed with its record where the server kept it typed as
// JSON (MariaDB, SQLite with json(), MySQL), as text where a server let it become a string.
function parsed(value: unknown): unknown {
  return typeof value === 'string' ? parseJson(value) : value;
}

// ORDER BY on the parsed records (by column position): nulls first ascending, as MySQL orders them.
function comparator(order: ReadonlyArray<{ i: number; direction: 'ASC' | 'DESC' }>) {
  return (a: unknown[], b: unknown[]): number => {
    for (const { i, direction } of order) {
      const x = a[i] as string | number | null;
      const y = b[i] as string | number | null;
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
        const { sql, read } = compile(ds, { ...shape, one: false }, false);
        // MariaDB and SQLite answer JSON as text; mysql2 parses MySQL's JSON type itself
        c = { sql, read: (value) => read(Buffer.isBuffer(value) ? parseJson(value.toString('utf8')) : parsed(value)) as T[] };
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

// JSON.parse's message quotes a piece of the text (a name, an ID number): a list that does not parse
// fails with a message that quotes nothing, so that no log line carries personal data.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`a person list's JSON does not parse (${text.length} characters)`);
  }
}
