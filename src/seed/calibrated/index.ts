// The calibrated demo data set: deterministic data whose 2022 province report reproduces the figures of
// the source article (see ningxia-2022.plan.ts for the figures and the choices made where the article
// is silent). `generateCalibrated` is pure; `seedCalibrated` loads it like the synthetic seed.
import { DataSource } from 'typeorm';
import { seedDataset } from '../bulk-insert';
import { GeneratorContext } from '../context';
import { Rng } from '../random';
import { emptyData, SyntheticData } from '../rows';
import { generateWorld } from '../world';
import { countyUsersPlans } from './county-plan';
import { CalibratedName, CALIBRATED_NAMES, CALIBRATED_SEED, CASEWORKER_BASIS_PERSONS, isCalibratedName } from './ningxia-2022.plan';
import { CountySimulation } from './users';

export { CALIBRATED_NAMES, isCalibratedName } from './ningxia-2022.plan';
export type { CalibratedName } from './ningxia-2022.plan';

const STREAM_WORLD = 0;
const STREAM_USERS = 1;

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

  let lastPersonId = 0;
  const nextPersonId = () => ++lastPersonId;
  const counties = countyUsersPlans().map((plan, i) =>
    new CountySimulation(new Rng(CALIBRATED_SEED, STREAM_USERS, i), ctx, plan, out, nextPersonId).run(),
  );
  void counties;
  return out;
}

export async function seedCalibrated(
  ds: DataSource,
  name: CalibratedName,
  options: { reset?: boolean } = {},
): Promise<Record<string, number>> {
  const data = generateCalibrated(name);
  return seedDataset(ds, data, { reset: options.reset === true });
}
