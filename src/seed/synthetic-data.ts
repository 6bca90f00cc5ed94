// Deterministic synthetic data for Ningxia: the same (persons, seed) always gives the same rows.
// Pure generation, no database: rows are plain objects with the entities' property names and ids
// 1..n per table assigned here, so children reference parents without reading back from a database.
//
// Generation runs in blocks of BLOCK_PERSONS persons, each block with its own random stream, so a
// large seed can be streamed block by block (see generateBlocks) with bounded memory; generate()
// simply concatenates the blocks.
import { assignSuspects, draftCases } from './cases';
import { GeneratorContext } from './context';
import { employmentAssistance } from './employment';
import { draftPerson, personRow, userHistory } from './people';
import { Rng } from './random';
import { emptyData, SEED_TABLES, SyntheticData } from './rows';
import { generatePrevention } from './prevention';
import { generateWorld } from './world';

export type { SyntheticData } from './rows';
export { SEED_TABLES } from './rows';

export interface GenerateOptions {
  persons: number;
  seed: number;
}

export const BLOCK_PERSONS = 1000;
export const MAX_PERSONS = 2_000_000;
// Share of a block's case-suspect slots taken by persons who are suspects only (never detected).
const SUSPECT_ONLY_SHARE_OF_SLOTS = 0.5;

const STREAM_WORLD = 0;
const STREAM_BLOCK = 1;
const STREAM_PREVENTION = 2;

export function validateOptions({ persons, seed }: GenerateOptions): void {
  if (!Number.isInteger(persons) || persons < 1 || persons > MAX_PERSONS) {
    throw new RangeError(`persons must be an integer from 1 to ${MAX_PERSONS}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be a non-negative integer');
}

// The world (caseworkers, centres, wastewater samples, permits) first, then one batch per block of
// persons with everything that hangs off them. Each batch only references rows of earlier batches
// or of itself.
export function* generateBlocks(options: GenerateOptions): Generator<SyntheticData> {
  validateOptions(options);
  const ctx = new GeneratorContext(options.seed, options.persons);
  const world = emptyData();
  generateWorld(new Rng(options.seed, STREAM_WORLD), ctx, world);
  generatePrevention(new Rng(options.seed, STREAM_PREVENTION), world);
  yield world;
  for (let block = 0, first = 0; first < options.persons; block++, first += BLOCK_PERSONS) {
    const size = Math.min(BLOCK_PERSONS, options.persons - first);
    yield generateBlock(new Rng(options.seed, STREAM_BLOCK, block), ctx, first, size);
  }
}

export function generate(options: GenerateOptions): SyntheticData {
  const all = emptyData();
  for (const batch of generateBlocks(options)) {
    for (const { key } of SEED_TABLES) {
      const target = all[key] as unknown[];
      for (const row of batch[key]) target.push(row);
    }
  }
  return all;
}

function generateBlock(rng: Rng, ctx: GeneratorContext, first: number, size: number): SyntheticData {
  const out = emptyData();
  const cases = draftCases(rng, ctx, size, out);
  const slots = cases.reduce((sum, c) => sum + c.suspects, 0);
  const suspectOnlyCount = Math.min(Math.round(slots * SUSPECT_ONLY_SHARE_OF_SLOTS), Math.floor(size * 0.3));
  const order = rng.shuffle(Array.from({ length: size }, (_, i) => i));
  const suspectOnlyIndex = new Set(order.slice(0, suspectOnlyCount));
  const drafts = Array.from({ length: size }, (_, i) => draftPerson(rng, first + i + 1, !suspectOnlyIndex.has(i)));
  const users = drafts.filter((p) => p.user);
  for (const p of users) userHistory(rng, ctx, p, out);
  assignSuspects(
    rng,
    ctx,
    cases,
    drafts.filter((p) => !p.user),
    users,
    out,
  );
  for (const p of users) employmentAssistance(rng, ctx, p, out);
  for (const p of drafts) personRow(rng, ctx, p, out);
  return out;
}
