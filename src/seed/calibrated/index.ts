// The calibrated demo data set: deterministic data whose 2022 province report reproduces the figures of
// the source article (see ningxia-2022.plan.ts for the figures and the choices made where the article
// is silent). `generateCalibrated` is pure; `seedCalibrated` loads it like the synthetic seed.
import { DataSource } from 'typeorm';
import { seedDataset } from '../bulk-insert';
import { dayOf } from '../calendar';
import { GeneratorContext } from '../context';
import { Rng } from '../random';
import { CheckResult } from '../../justice/justice.enums';
import { employmentAssistance } from '../employment';
import { emptyData, FollowUpCheckRow, SEED_TABLES, sourceKey, SyntheticData } from '../rows';
import { generatePrevention } from '../prevention';
import { generateWorld } from '../world';
import { CaseGenerator } from './cases';
import { countyUsersPlans } from './county-plan';
import { generatePermits } from './permits';
import { markDeaths, personRows, riskAssessments } from './persons';
import { CalibratedName, CALIBRATED_NAMES, CALIBRATED_SEED, CASEWORKER_BASIS_PERSONS, isCalibratedName } from './ningxia-2022.plan';
import { CountySimulation } from './users';

export { CALIBRATED_NAMES, isCalibratedName } from './ningxia-2022.plan';
export type { CalibratedName } from './ningxia-2022.plan';

const EMPLOYMENT_FROM = dayOf('2018-01-01');

const STREAM_WORLD = 0;
const STREAM_USERS = 1;
const STREAM_CASES = 2;
const STREAM_EMPLOYMENT = 3;
const STREAM_DEATHS = 4;
const STREAM_RISK = 5;
const STREAM_PERSONS = 6;
const STREAM_PERMITS = 7;
const STREAM_PREVENTION = 8;

export function generateCalibrated(name: CalibratedName): SyntheticData {
  if (!isCalibratedName(name)) throw new RangeError(`unknown calibrated data set ${JSON.stringify(name)} (known: ${CALIBRATED_NAMES.join(', ')})`);
  const out = emptyData();
  const ctx = new GeneratorContext(CALIBRATED_SEED, CASEWORKER_BASIS_PERSONS);
  // Caseworkers, the 246 community rehab centres and wastewater samples come from the synthetic
  // generator's world; its precursor permits are replaced by the planned ones.
  const world = emptyData();
  generateWorld(new Rng(CALIBRATED_SEED, STREAM_WORLD), ctx, world);
  out.caseworker = world.caseworker;
  out.rehabCentre = world.rehabCentre;
  out.wastewaterSample = world.wastewaterSample;

  out.followUpCheck = new ThinnedChecks();
  let lastPersonId = 0;
  const nextPersonId = () => ++lastPersonId;
  const plans = countyUsersPlans();
  const counties = plans.map((plan, i) => new CountySimulation(new Rng(CALIBRATED_SEED, STREAM_USERS, i), ctx, plan, out, nextPersonId).run());
  const users = counties.flatMap((c) => c.users);

  const cases = new CaseGenerator(new Rng(CALIBRATED_SEED, STREAM_CASES), ctx, { counties: new Map(counties.map((c) => [c.code, c])), nextPersonId }, out);
  cases.run();

  // Employment assistance as in the synthetic generator, for programmes reported since 2018 (the
  // employment bureau's records of earlier years are not part of the data).
  const employment = new Rng(CALIBRATED_SEED, STREAM_EMPLOYMENT);
  for (const u of users) {
    const recent = u.draft.programmes.filter((g) => g.reported !== null && g.reported >= EMPLOYMENT_FROM);
    if (!recent.length) continue;
    const view = { ...u.draft, programmes: recent };
    employmentAssistance(employment, ctx, view, out);
    u.draft.hasOpenRecord = view.hasOpenRecord;
    u.draft.lastActivity = view.lastActivity;
  }

  const deaths = new Rng(CALIBRATED_SEED, STREAM_DEATHS);
  plans.forEach((plan, i) => markDeaths(deaths, plan, counties[i]));
  const risk = new Rng(CALIBRATED_SEED, STREAM_RISK);
  for (const u of users) riskAssessments(risk, ctx, u, out);

  personRows(
    new Rng(CALIBRATED_SEED, STREAM_PERSONS),
    ctx,
    [...users, ...cases.suspectOnly.map((draft) => ({ draft, deceasedDay: null }))],
    out,
  );
  out.precursorPermit = generatePermits(new Rng(CALIBRATED_SEED, STREAM_PERMITS));
  // the 28 education bases the article names, with publicity events and school sessions
  generatePrevention(new Rng(CALIBRATED_SEED, STREAM_PREVENTION), out);
  // Renumbered 1..n (the thinned ones left gaps); nothing refers to a check by id.
  out.followUpCheck = Array.from(out.followUpCheck, (c, i) => ({ ...c, id: i + 1, sourceKey: sourceKey('followUpCheck', i + 1) }));
  // Rows are generated in several passes; every table is stored in id order.
  for (const { key } of SEED_TABLES) (out[key] as Array<{ id: number }>).sort((a, b) => a.id - b.id);
  return out;
}

// Follow-up checks are kept from 2021 on (the justice department's current platform); of the earlier
// ones only the positive tests, the evidence of use that precedes a relapse. Keeps the data set small
// enough for a quick demo start. The programmes emit their checks into this array, which drops the
// others as they come, so that they never accumulate.
export const CHECKS_FROM = '2021-01-01';

class ThinnedChecks extends Array<FollowUpCheckRow> {
  override push(...rows: FollowUpCheckRow[]): number {
    for (const row of rows) if (row.checkedAt >= CHECKS_FROM || row.result === CheckResult.POSITIVE) super.push(row);
    return this.length;
  }
}

// Loads the calibrated data set (generated only once the database was found empty, or reset). Row counts
// per table name, in insert order.
export async function seedCalibrated(
  ds: DataSource,
  name: CalibratedName,
  options: { reset?: boolean } = {},
): Promise<Record<string, number>> {
  if (!isCalibratedName(name)) throw new RangeError(`unknown calibrated data set ${JSON.stringify(name)} (known: ${CALIBRATED_NAMES.join(', ')})`);
  return seedDataset(ds, () => generateCalibrated(name), { reset: options.reset === true });
}
