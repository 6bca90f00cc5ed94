// Loads the synthetic data into a database with batched multi-row inserts, parents before children.
// SQLite: the whole seed is one transaction. MySQL/MariaDB: one transaction per block of persons, so
// a large seed neither holds a huge transaction nor commits row by row. Blocks are generated while
// the previous block's first statement runs, and never all held in memory at once.
// seedDataset loads a data set generated beforehand (the calibrated demo) the same way, in batches of
// at most DATASET_BATCH_ROWS rows of one table. The indicator ledger is marked stale first and rebuilt
// once at the end (faster than keeping it up to date block by block).
import { DataSource, QueryRunner } from 'typeorm';
import { rebuildIndicatorSummary, setSummaryStale } from '../indicators/summary/summary.store';
import { addIdentityBaseline } from '../persons/identity-baseline';
import { emptyData, SEED_TABLES, SyntheticData } from './rows';
import { generateBlocks, validateOptions } from './synthetic-data';

export interface SeedOptions {
  persons: number;
  seed: number;
  reset?: boolean;
}

// The database already holds records and --reset was not given.
export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

// SQLite allows 32,766 bound parameters per statement; stay well under it on every database.
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;

function isSqlite(ds: DataSource): boolean {
  return ds.options.type === 'better-sqlite3';
}

// Row counts per table name, in insert order.
export async function seedDatabase(ds: DataSource, options: SeedOptions): Promise<Record<string, number>> {
  validateOptions(options);
  return loadBatches(ds, () => generateBlocks({ persons: options.persons, seed: options.seed }), options.reset === true);
}

// Rows per transaction on MySQL/MariaDB when loading a pre-generated data set.
export const DATASET_BATCH_ROWS = 50_000;

// Loads a whole data set, e.g. the calibrated demo; same rules as seedDatabase (refuses a database with
// records unless reset). `data` may be a function: it is then called only once the database was found
// ready, so a refused seed generates nothing. Row counts per table name, in insert order.
export async function seedDataset(
  ds: DataSource,
  data: SyntheticData | (() => SyntheticData),
  options: { reset?: boolean } = {},
): Promise<Record<string, number>> {
  return loadBatches(ds, () => datasetBatches(typeof data === 'function' ? data() : data), options.reset === true);
}

function* datasetBatches(data: SyntheticData): Generator<SyntheticData> {
  for (const { key } of SEED_TABLES) {
    const rows = data[key] as unknown[];
    for (let start = 0; start < rows.length; start += DATASET_BATCH_ROWS) {
      const batch = emptyData();
      (batch[key] as unknown[]) = rows.slice(start, start + DATASET_BATCH_ROWS);
      yield batch;
    }
  }
}

// The batches are produced lazily (generation overlaps the inserts) and only once the database was
// found ready, so a refused seed generates nothing.
async function loadBatches(ds: DataSource, batches: () => Iterator<SyntheticData>, reset: boolean): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table } of SEED_TABLES) counts[table] = 0;
  const sqlite = isSqlite(ds);
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    if (sqlite) {
      await qr.startTransaction();
      try {
        await prepare(ds, qr, reset);
        await setSummaryStale(qr.manager, true);
        await insertAll(ds, qr, batches(), counts, false);
        await addIdentityBaseline(qr, (n) => ds.driver.escape(n));
        await qr.commitTransaction();
      } catch (error) {
        await qr.rollbackTransaction();
        throw error;
      }
    } else {
      await prepare(ds, qr, reset);
      await setSummaryStale(qr.manager, true);
      await insertAll(ds, qr, batches(), counts, true);
      await addIdentityBaseline(qr, (n) => ds.driver.escape(n));
    }
  } finally {
    await qr.release();
  }
  await rebuildIndicatorSummary(ds);
  return counts;
}

async function prepare(ds: DataSource, qr: QueryRunner, reset: boolean): Promise<void> {
  const occupied: string[] = [];
  for (const { table } of SEED_TABLES) {
    const rows = await qr.query(`SELECT 1 AS present FROM ${ds.driver.escape(table)} LIMIT 1`);
    if (rows.length > 0) occupied.push(table);
  }
  if (occupied.length === 0) return;
  if (!reset) {
    throw new SeedRefusedError(
      `The database already holds persons or department records (${occupied.join(', ')}); ` +
        'run the seed with --reset to delete them first (districts and heroin-equivalent factors are kept).',
    );
  }
  await deleteSeededRows(ds, qr);
}

// Empties every department table and person, children first. District and heroin_equivalent_factor
// are reference data from migrations and are never touched.
export async function deleteSeededRows(ds: DataSource, qr: QueryRunner): Promise<void> {
  // the persons' identity versions and conflicts go with them (ids restart)
  const tables = ['identity_conflict', 'person_identity', ...[...SEED_TABLES].reverse().map(({ table }) => table)];
  if (isSqlite(ds)) {
    for (const table of tables) await qr.query(`DELETE FROM ${ds.driver.escape(table)}`);
    const names = tables.map(() => '?').join(', ');
    await qr.query(`DELETE FROM sqlite_sequence WHERE name IN (${names})`, tables);
    return;
  }
  // TRUNCATE is far faster than DELETE for millions of rows; InnoDB refuses it on a table that
  // foreign keys point at unless the checks are off for this session. Restored whatever happens.
  await qr.query('SET FOREIGN_KEY_CHECKS = 0');
  try {
    for (const table of tables) await qr.query(`TRUNCATE TABLE ${ds.driver.escape(table)}`);
  } finally {
    await qr.query('SET FOREIGN_KEY_CHECKS = 1');
  }
}

async function insertAll(
  ds: DataSource,
  qr: QueryRunner,
  batches: Iterator<SyntheticData>,
  counts: Record<string, number>,
  transactionPerBatch: boolean,
): Promise<void> {
  let current = batches.next();
  while (!current.done) {
    const batch = current.value;
    const inserting = insertBatch(ds, qr, batch, counts, transactionPerBatch);
    // Generate the next block while the database works on this one. A rejection of `inserting` is
    // observed by the await below; nothing runs on the event loop in between.
    let next: IteratorResult<SyntheticData>;
    try {
      next = batches.next();
    } catch (error) {
      await inserting.catch(() => undefined);
      throw error;
    }
    await inserting;
    current = next;
  }
}

async function insertBatch(
  ds: DataSource,
  qr: QueryRunner,
  batch: SyntheticData,
  counts: Record<string, number>,
  transaction: boolean,
): Promise<void> {
  if (transaction) await qr.startTransaction();
  try {
    for (const { key, table, entity } of SEED_TABLES) {
      const rows = batch[key] as Array<Record<string, unknown>>;
      if (rows.length === 0) continue;
      const insert = rowInserter(ds, entity, table, rows);
      const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / insert.columns));
      for (let start = 0; start < rows.length; start += chunkSize) {
        const chunk = rows.slice(start, start + chunkSize);
        await qr.query(...insert.statement(chunk));
        counts[table] += chunk.length;
      }
    }
    if (transaction) await qr.commitTransaction();
  } catch (error) {
    if (transaction && qr.isTransactionActive) await qr.rollbackTransaction();
    throw error;
  }
}

// A multi-row INSERT built straight from the entity metadata. TypeORM's InsertQueryBuilder normalises
// every value of every row (about 20 µs a row), which was three quarters of a large seed's time. The
// generator's rows are plain objects whose properties are all columns, with strings, numbers, booleans
// or null: booleans are bound as 1/0 (better-sqlite3 cannot bind booleans) and column transformers are
// applied as TypeORM would. Columns absent from every row (created_at, updated_at) get their defaults.
function rowInserter(
  ds: DataSource,
  entity: SeedTableEntity,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): { columns: number; statement(chunk: ReadonlyArray<Record<string, unknown>>): [string, unknown[]] } {
  const metadata = ds.getMetadata(entity);
  const keys = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k);
  const columns = [...keys].map((k) => {
    const column = metadata.findColumnWithPropertyName(k);
    if (!column) throw new Error(`seed: ${table} has no column for property ${k}`);
    return column;
  });
  const head = `INSERT INTO ${ds.driver.escape(table)} (${columns.map((c) => ds.driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const convert = columns.map((c) => {
    const transformers = c.transformer === undefined ? [] : Array.isArray(c.transformer) ? c.transformer : [c.transformer];
    return (value: unknown): unknown => {
      let v = value === undefined ? null : value;
      for (const t of transformers) v = t.to(v);
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    };
  });
  return {
    columns: columns.length,
    statement(chunk) {
      const params: unknown[] = [];
      for (const row of chunk) columns.forEach((c, i) => params.push(convert[i](row[c.propertyName])));
      return [head + new Array<string>(chunk.length).fill(tuple).join(', '), params];
    },
  };
}

type SeedTableEntity = (typeof SEED_TABLES)[number]['entity'];
