// npm run seed -- --persons N [--seed S] [--reset]
// npm run seed -- --calibrated ningxia-2022 [--reset]
// Applies pending migrations to DATABASE_URL, then loads deterministic synthetic data for Ningxia: random
// persons (--persons/--seed), or the calibrated demo whose 2022 report reproduces the source article.
// Exit codes: 0 done, 2 wrong arguments or a non-empty database without --reset, 1 anything else.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';
import { seedDatabase, SeedRefusedError } from '../seed/bulk-insert';
import { CalibratedName, CALIBRATED_NAMES, isCalibratedName, seedCalibrated } from '../seed/calibrated';
import { MAX_PERSONS } from '../seed/synthetic-data';

export const USAGE = `usage: npm run seed -- --persons N [--seed S] [--reset] | --calibrated ${CALIBRATED_NAMES.join('|')} [--reset]`;
export const DEFAULT_PERSONS = 5000;
export const DEFAULT_SEED = 2023;

export interface SeedArgs {
  persons: number;
  seed: number;
  reset: boolean;
  // set: load this calibrated data set instead of random persons (persons and seed are then unused)
  calibrated?: CalibratedName;
}

export class SeedArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedArgsError';
  }
}

const DIGITS = /^\d+$/;

export function parseSeedArgs(argv: string[]): SeedArgs {
  let values: { persons?: string; seed?: string; reset?: boolean; calibrated?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { persons: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' }, calibrated: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new SeedArgsError(err instanceof Error ? err.message.replace(/\s+/g, ' ').trim() : String(err));
  }
  if (values.calibrated !== undefined) {
    if (values.persons !== undefined || values.seed !== undefined) {
      throw new SeedArgsError('--calibrated cannot be combined with --persons or --seed');
    }
    if (!isCalibratedName(values.calibrated)) {
      throw new SeedArgsError(`--calibrated must be one of ${CALIBRATED_NAMES.join(', ')}, got ${JSON.stringify(values.calibrated)}`);
    }
    return { persons: DEFAULT_PERSONS, seed: DEFAULT_SEED, reset: values.reset === true, calibrated: values.calibrated };
  }
  let persons = DEFAULT_PERSONS;
  if (values.persons !== undefined) {
    persons = DIGITS.test(values.persons) ? Number(values.persons) : NaN;
    if (!Number.isInteger(persons) || persons < 1 || persons > MAX_PERSONS) {
      throw new SeedArgsError(`--persons must be an integer from 1 to ${MAX_PERSONS}, got ${JSON.stringify(values.persons)}`);
    }
  }
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    seed = DIGITS.test(values.seed) ? Number(values.seed) : NaN;
    if (!Number.isSafeInteger(seed)) {
      throw new SeedArgsError(`--seed must be a non-negative integer, got ${JSON.stringify(values.seed)}`);
    }
  }
  return { persons, seed, reset: values.reset === true };
}

async function main(argv: string[]): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (err) {
    if (err instanceof SeedArgsError) {
      process.stderr.write(`seed: ${err.message} (${USAGE})\n`);
      return 2;
    }
    throw err;
  }
  const started = Date.now();
  const ds = await openDataSource(loadConfig().database);
  try {
    await ds.runMigrations({ transaction: 'each' });
    const counts = args.calibrated
      ? await seedCalibrated(ds, args.calibrated, { reset: args.reset })
      : await seedDatabase(ds, args);
    const width = Math.max(...Object.keys(counts).map((t) => t.length), 'total'.length);
    let total = 0;
    let out = '';
    for (const [table, n] of Object.entries(counts)) {
      total += n;
      out += `${table.padEnd(width)}  ${String(n).padStart(9)}\n`;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const what = args.calibrated ? `calibrated ${args.calibrated}` : `persons ${args.persons}, seed ${args.seed}`;
    out += `${'total'.padEnd(width)}  ${String(total).padStart(9)} rows in ${seconds} s (${what})\n`;
    process.stdout.write(out);
    return 0;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof SeedRefusedError || err instanceof ConfigError) {
        process.stderr.write(`seed: ${err.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
