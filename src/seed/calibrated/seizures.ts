// Seizures of the calibrated cases (cases.ts): street-level seizures per case, the large ones that
// carry each year's heroin-equivalent and precursor totals, and Wuzhong 2022's by hand.
import { equivalentMg, FACTOR, quantum } from './heroin-quantum';
import { Substance } from '../../common/substance';
import { CaseType, SeizureKind } from '../../public-security/public-security.enums';
import { isoOf } from '../calendar';
import { GeneratorContext } from '../context';
import { Rng, WeightedTable } from '../random';
import { DrugCaseRow, SeizureRow, sourceKey } from '../rows';
import { sample, splitInteger } from './allocate';
import { BIG_SEIZURES, HEROIN_EQUIVALENT_KG, PRECURSOR_SEIZED_KG, WUZHONG_DRUG_GRAMS_2022, yearIndex } from './ningxia-2022.plan';

const SEIZURES_PER_CASE = new WeightedTable<number>([[0, 15], [1, 55], [2, 22], [3, 8]]);

const SMALL_DRUGS = new WeightedTable<Substance>([
  [Substance.METHAMPHETAMINE, 48], [Substance.HEROIN, 28], [Substance.KETAMINE, 8], [Substance.MDMA, 4],
  [Substance.CANNABIS, 4], [Substance.OPIUM, 3], [Substance.TRAMADOL, 2], [Substance.METHCATHINONE, 2],
  [Substance.MORPHINE, 1],
]);

const PRECURSORS = ['麻黄碱', '羟亚胺', '邻氯苯基环戊酮', '1-苯基-2-丙酮', '溴代苯丙酮', '盐酸', '硫酸', '丙酮'];

const NITROUS_OXIDE = '一氧化二氮(笑气)';

const CANNABIS_SEEDS = '大麻种子';


export interface CaseDraft {
  row: DrugCaseRow;
  year: number;
  filed: number;
  solved: number | null;
  suspects: number;
  seizures: SeizureRow[];
  fixedSeizures: boolean; // Wuzhong 2022: seizures set by hand
}

export class SeizureDrafts {
  constructor(
    private readonly rng: Rng,
    private readonly ctx: GeneratorContext,
  ) {}

  // The year's seizures: street-level ones per case, then the large ones that carry the plan's totals.
  year(year: number, cases: CaseDraft[]): void {
    const rng = this.rng;
    const yi = yearIndex(year);
    for (const c of cases) if (!c.fixedSeizures) this.smallSeizures(c);
    // Heroin equivalent: the street-level seizures, then a few large ones carry the rest of the year's total.
    const targetMg = Math.round(HEROIN_EQUIVALENT_KG[yi] * 1e6);
    let smallMg = 0;
    for (const c of cases) for (const z of c.seizures) if (z.kind === SeizureKind.DRUG) smallMg += equivalentMg(z.substance, Math.round((z.quantityGrams as number) * 1000));
    const carriers = sample(
      rng,
      cases.filter((c) => c.solved !== null && c.row.caseType === CaseType.TRAFFICKING && !c.fixedSeizures),
      BIG_SEIZURES[yi],
    );
    const bigMg = splitInteger(targetMg - smallMg, carriers.map(() => rng.logNormal(1, 0.5)), 100_000);
    carriers.forEach((c, i) => {
      this.addSeizure(c, SeizureKind.DRUG, rng.chance(0.7) ? Substance.METHAMPHETAMINE : Substance.HEROIN, bigMg[i] / 1000, null);
    });
    // Precursor chemicals: small seizures in precursor cases, the bulk at the manufacturing sites.
    const targetG = Math.round(PRECURSOR_SEIZED_KG[yi] * 1000);
    let smallG = 0;
    for (const c of cases) for (const z of c.seizures) if (z.kind === SeizureKind.PRECURSOR) smallG += Math.round((z.quantityKg as number) * 1000);
    let bulk = cases.filter((c) => c.row.manufacturingSitesDestroyed > 0);
    if (!bulk.length) bulk = cases.filter((c) => c.row.caseType === CaseType.PRECURSOR_CRIME).slice(0, 2);
    const bulkG = splitInteger(targetG - smallG, bulk.map(() => rng.logNormal(1, 0.4)), 100_000);
    bulk.forEach((c, i) => this.addSeizure(c, SeizureKind.PRECURSOR, rng.pick(PRECURSORS), null, bulkG[i] / 1000));
  }

  private smallSeizures(c: CaseDraft): void {
    const rng = this.rng;
    const type = c.row.caseType;
    const n = type === CaseType.HARBOURING_DRUG_USE && rng.chance(0.5) ? 0 : SEIZURES_PER_CASE.draw(rng);
    for (let i = 0; i < n; i++) {
      switch (type) {
        case CaseType.PRECURSOR_CRIME:
          this.addSeizure(c, SeizureKind.PRECURSOR, rng.pick(PRECURSORS), null, Math.round(rng.logNormal(120, 1.0) * 1000) / 1000);
          break;
        case CaseType.ILLEGAL_PLANTING:
          if (rng.chance(0.5)) this.addSeizure(c, SeizureKind.OTHER, rng.pick([CANNABIS_SEEDS, '罂粟植株']), null, Math.round(rng.logNormal(3, 1.0) * 1000) / 1000);
          else this.addDrug(c, Substance.CANNABIS, rng.logNormal(200, 1.0));
          break;
        case CaseType.ILLEGAL_POSSESSION:
          this.addDrug(c, SMALL_DRUGS.draw(rng), rng.logNormal(15, 0.9));
          break;
        case CaseType.HARBOURING_DRUG_USE:
          this.addDrug(c, SMALL_DRUGS.draw(rng), rng.logNormal(0.8, 1.0));
          break;
        case CaseType.TRAFFICKING:
          this.addDrug(c, SMALL_DRUGS.draw(rng), rng.logNormal(4, 1.4));
          break;
      }
    }
  }

  // Wuzhong 2022: 149 g of drugs in all (a cannabis-oil parcel among them), 63.5 kg of cannabis seeds in
  // the planting case, 9 t of nitrous oxide in the nitrous-oxide case.
  wuzhong(cases: CaseDraft[]): void {
    const rng = this.rng;
    const drugCases = cases.filter((_, i) => i !== 1 && i !== 2);
    const substances = drugCases.map((_, i) => (i === 0 ? Substance.CANNABIS : rng.chance(0.65) ? Substance.METHAMPHETAMINE : Substance.HEROIN));
    const mg = splitInteger(WUZHONG_DRUG_GRAMS_2022 * 1000, drugCases.map((_, i) => (i === 0 ? 4 : rng.logNormal(1, 0.8))), 100);
    drugCases.forEach((c, i) => this.addSeizure(c, SeizureKind.DRUG, substances[i], mg[i] / 1000, null));
    this.addSeizure(cases[1], SeizureKind.OTHER, NITROUS_OXIDE, null, 9000);
    this.addSeizure(cases[2], SeizureKind.OTHER, CANNABIS_SEEDS, null, 63.5);
  }

  // A drug seizure of about `grams`, rounded so that its heroin equivalent is a whole milligram.
  private addDrug(c: CaseDraft, substance: Substance, grams: number): void {
    const q = quantum(FACTOR.get(substance) ?? 0);
    const mg = Math.max(q, Math.round((grams * 1000) / q) * q);
    this.addSeizure(c, SeizureKind.DRUG, substance, mg / 1000, null);
  }

  private addSeizure(c: CaseDraft, kind: SeizureKind, substance: string, grams: number | null, kg: number | null): void {
    const rng = this.rng;
    const day = c.solved === null ? c.filed : rng.chance(0.6) ? c.filed : rng.dayBetween(c.filed, c.solved);
    const id = this.ctx.nextId('seizure');
    c.seizures.push({
      id,
      sourceKey: sourceKey('seizure', id),
      districtCode: c.row.districtCode,
      caseId: c.row.id,
      kind,
      substance,
      seizedAt: isoOf(day),
      quantityGrams: grams,
      quantityKg: kg,
    });
  }
}
