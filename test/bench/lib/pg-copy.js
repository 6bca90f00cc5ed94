'use strict';
// Issue 17: copies the seeded MariaDB tables the person workloads read into a PostgreSQL database for
// the PostGraphile comparison, with the same columns, primary keys, unique keys, indexes and foreign
// keys (read from MariaDB's information_schema), by COPY FROM STDIN (pg-copy-streams). Then the SQL of
// pg-schema.sql (computed columns and smart tags: the fields ours derives), and ANALYZE.
// A copy is reused when its marker row names the same MariaDB database, persons and row counts.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pipeline } = require('node:stream/promises');
const { Transform } = require('node:stream');
const mysql = require('mysql2');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

// every table the profile and the page read (persons and each relation of PERSON_FIELDS)
const TABLES = [
  'district', 'heroin_equivalent_factor', 'person', 'drug_case', 'case_suspect', 'seizure', 'drug_use_detection',
  'risk_assessment', 'caseworker', 'rehab_centre', 'rehab_programme', 'follow_up_check', 'employment_assistance',
];
const COPY_VERSION = 1; // bump when the copied schema or pg-schema.sql changes

const ident = (name) => `"${name.replace(/"/g, '""')}"`;

function pgType(col) {
  const t = col.DATA_TYPE.toLowerCase();
  if (t === 'tinyint' && /^is_/.test(col.COLUMN_NAME)) return 'boolean'; // flags, Boolean in ours
  if (t === 'int' || t === 'mediumint') return 'integer';
  if (t === 'smallint' || t === 'tinyint') return 'smallint';
  if (t === 'bigint') return 'bigint';
  if (t === 'varchar' || t === 'char') return `varchar(${col.CHARACTER_MAXIMUM_LENGTH})`;
  if (t === 'text' || t === 'mediumtext' || t === 'longtext') return 'text';
  if (t === 'date') return 'date';
  if (t === 'datetime' || t === 'timestamp') return `timestamp(${col.DATETIME_PRECISION ?? 0})`;
  if (t === 'decimal') return `numeric(${col.NUMERIC_PRECISION},${col.NUMERIC_SCALE})`;
  if (t === 'double' || t === 'float') return 'double precision';
  if (t === 'json' || t === 'longblob') return 'text';
  throw new Error(`pg-copy: no PostgreSQL type for ${col.TABLE_NAME}.${col.COLUMN_NAME} (${t})`);
}

// COPY text format: \N for NULL, backslash escapes for \ tab newline CR
function copyValue(v, type) {
  if (v === null || v === undefined) return '\\N';
  if (type === 'boolean') return Number(v) ? 't' : 'f';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function mariaSchema(my, database) {
  const [cols] = await my.promise().query(
    `SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE
       FROM information_schema.columns WHERE table_schema = ? AND table_name IN (?) ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [database, TABLES],
  );
  const [idx] = await my.promise().query(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.statistics
      WHERE table_schema = ? AND table_name IN (?) ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [database, TABLES],
  );
  const [fks] = await my.promise().query(
    `SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.key_column_usage
      WHERE table_schema = ? AND table_name IN (?) AND referenced_table_name IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
    [database, TABLES],
  );
  const [counts] = await my.promise().query(TABLES.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM \`${database}\`.\`${t}\``).join(' UNION ALL '));
  const tables = {};
  for (const t of TABLES) tables[t] = { columns: [], indexes: new Map(), fks: new Map(), rows: 0 };
  for (const c of cols) tables[c.TABLE_NAME].columns.push({ name: c.COLUMN_NAME, type: pgType(c), notNull: c.IS_NULLABLE === 'NO' });
  for (const i of idx) {
    const m = tables[i.TABLE_NAME].indexes;
    if (!m.has(i.INDEX_NAME)) m.set(i.INDEX_NAME, { unique: Number(i.NON_UNIQUE) === 0, columns: [] });
    m.get(i.INDEX_NAME).columns.push(i.COLUMN_NAME);
  }
  for (const f of fks) {
    const m = tables[f.TABLE_NAME].fks;
    if (!m.has(f.CONSTRAINT_NAME)) m.set(f.CONSTRAINT_NAME, { table: f.REFERENCED_TABLE_NAME, columns: [], refColumns: [] });
    m.get(f.CONSTRAINT_NAME).columns.push(f.COLUMN_NAME);
    m.get(f.CONSTRAINT_NAME).refColumns.push(f.REFERENCED_COLUMN_NAME);
  }
  for (const r of counts) tables[r.t].rows = Number(r.n);
  return tables;
}

async function ensureDatabase(pgServer, pgDatabase) {
  const admin = new Client({ connectionString: `${pgServer}/postgres` });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [pgDatabase]);
    if (!rows.length) await admin.query(`CREATE DATABASE ${ident(pgDatabase)}`);
  } finally {
    await admin.end();
  }
}

async function copyTable(my, pg, database, table, spec) {
  const names = spec.columns.map((c) => c.name);
  const types = spec.columns.map((c) => c.type);
  const source = my.query({ sql: `SELECT ${names.map((n) => `\`${n}\``).join(', ')} FROM \`${database}\`.\`${table}\``, rowsAsArray: true }).stream({ highWaterMark: 2000 });
  const toText = new Transform({
    writableObjectMode: true,
    transform(row, _enc, done) {
      let line = '';
      for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyValue(row[i], types[i]);
      done(null, `${line}\n`);
    },
  });
  await pipeline(source, toText, pg.query(copyFrom(`COPY ${ident(table)} (${names.map(ident).join(', ')}) FROM STDIN`)));
}

// Returns { pgDatabase, reused, seconds, rows }.
async function copyToPostgres({ mysqlUrl, database, pgServer, pgDatabase, persons, log = () => {} }) {
  const started = Date.now();
  const my = mysql.createConnection({ uri: `${mysqlUrl}/${database}`, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, timezone: 'Z' });
  try {
    const tables = await mariaSchema(my, database);
    const rows = Object.fromEntries(TABLES.map((t) => [t, tables[t].rows]));
    const marker = JSON.stringify({ version: COPY_VERSION, database, persons, rows });
    await ensureDatabase(pgServer, pgDatabase);
    const pg = new Client({ connectionString: `${pgServer}/${pgDatabase}` });
    await pg.connect();
    try {
      const prior = await pg.query(`SELECT marker FROM bench_meta.copy_marker`).catch(() => ({ rows: [] }));
      if (prior.rows[0]?.marker === marker) return { pgDatabase, reused: true, seconds: (Date.now() - started) / 1000, rows };
      log(`copying ${TABLES.length} tables of ${database} into PostgreSQL ${pgDatabase} (${Object.values(rows).reduce((s, n) => s + n, 0)} rows)`);
      // the marker lives outside the schema PostGraphile exposes
      await pg.query(`DROP SCHEMA IF EXISTS bench_meta CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public`);
      for (const t of TABLES) {
        const spec = tables[t];
        const cols = spec.columns.map((c) => `${ident(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
        await pg.query(`CREATE TABLE ${ident(t)} (${cols.join(', ')})`);
        await copyTable(my, pg, database, t, spec);
      }
      // keys and indexes after the data (faster); PRIMARY becomes the primary key, the others keep their columns
      for (const t of TABLES) {
        for (const [name, i] of tables[t].indexes) {
          const cols = i.columns.map(ident).join(', ');
          if (name === 'PRIMARY') await pg.query(`ALTER TABLE ${ident(t)} ADD PRIMARY KEY (${cols})`);
          else await pg.query(`CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${ident(`${t}_${name}`.slice(0, 63))} ON ${ident(t)} (${cols})`);
        }
      }
      for (const t of TABLES) {
        for (const [name, f] of tables[t].fks) {
          await pg.query(
            `ALTER TABLE ${ident(t)} ADD CONSTRAINT ${ident(name)} FOREIGN KEY (${f.columns.map(ident).join(', ')}) REFERENCES ${ident(f.table)} (${f.refColumns.map(ident).join(', ')})`,
          );
        }
      }
      await pg.query(readFileSync(join(__dirname, 'pg-schema.sql'), 'utf8'));
      await pg.query('ANALYZE');
      await pg.query(`CREATE SCHEMA bench_meta; CREATE TABLE bench_meta.copy_marker (marker text NOT NULL)`);
      await pg.query('INSERT INTO bench_meta.copy_marker VALUES ($1)', [marker]);
      return { pgDatabase, reused: false, seconds: (Date.now() - started) / 1000, rows };
    } finally {
      await pg.end();
    }
  } finally {
    my.end();
  }
}

// Is PostgreSQL reachable? null when it is, else the reason.
async function postgresUnavailable(pgServer) {
  const c = new Client({ connectionString: `${pgServer}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return err.message;
  } finally {
    await c.end().catch(() => {});
  }
}

module.exports = { copyToPostgres, postgresUnavailable, TABLES };
