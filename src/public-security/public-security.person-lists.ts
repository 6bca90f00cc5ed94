import { jsonList, JsonShape, sqlText } from '../common/json-lists';
import { Person } from '../core/person.entity';
import { PersonList } from '../core/person-lists';
import { SPC2016_TABLE as DEFAULT_HEROIN_EQUIVALENT_TABLE } from '../reference/heroin-equivalent-spc2016';
import { CaseSuspect } from './case-suspect.entity';
import { DrugCase } from './drug-case.entity';
import { DrugUseDetection } from './drug-use-detection.entity';
import { RiskAssessment } from './risk-assessment.entity';
import { Seizure } from './seizure.entity';

// Public security's lists of a person (src/core/person-lists.ts), newest first, in the orders of its
// loaders. A case involvement comes with its case, and the case with its seizures (each with the
// factor of the default heroin-equivalent table for its substance) and its suspects with their
// persons: the whole of `drugCases` in one column.

export const detectionsOfPerson: PersonList<DrugUseDetection> = jsonList('drug use detections', {
  target: DrugUseDetection,
  alias: 'd',
  where: 'd.person_id = p.id',
  order: [['detectedAt', 'DESC'], ['id', 'DESC']],
});

export const riskAssessmentsOfPerson: PersonList<RiskAssessment> = jsonList('risk assessments', {
  target: RiskAssessment,
  alias: 'ra',
  where: 'ra.person_id = p.id',
  order: [['assessedAt', 'DESC'], ['id', 'DESC']],
});

const seizures: JsonShape<Seizure> = {
  target: Seizure,
  alias: 'z',
  join: `LEFT JOIN heroin_equivalent_factor hf ON hf.table_name = ${sqlText(DEFAULT_HEROIN_EQUIVALENT_TABLE)} AND hf.substance = z.substance`,
  where: 'z.case_id = c.id',
  order: [['seizedAt', 'ASC'], ['id', 'ASC']],
  values: { heroinFactor: 'hf.factor' },
  attach(seizure, read: { heroinFactor: number | string | null }) {
    seizure.defaultHeroinFactor = read.heroinFactor === null ? null : Number(read.heroinFactor);
  },
};

const suspects: JsonShape<CaseSuspect> = {
  target: CaseSuspect,
  alias: 'cs',
  where: 'cs.case_id = c.id',
  order: [['id', 'ASC']],
  nested: { person: { target: Person, alias: 'sp', where: 'sp.id = cs.person_id', one: true } },
  attach(suspect, read: { person: Person | null }) {
    suspect.personRef = read.person ?? undefined;
  },
};

const drugCase: JsonShape<DrugCase> = {
  target: DrugCase,
  alias: 'c',
  where: 'c.id = s.case_id',
  one: true,
  nested: { seizures, suspects },
  attach(c, read: { seizures: Seizure[]; suspects: CaseSuspect[] }) {
    c.loadedSeizures = read.seizures;
    c.loadedSuspects = read.suspects;
    const factors = new Map<string, number>();
    for (const z of read.seizures) if (z.defaultHeroinFactor !== null && z.defaultHeroinFactor !== undefined) factors.set(z.substance, z.defaultHeroinFactor);
    c.defaultHeroinFactors = factors;
  },
};

export const involvementsOfPerson: PersonList<CaseSuspect> = jsonList('case involvements', {
  target: CaseSuspect,
  alias: 's',
  where: 's.person_id = p.id',
  order: [['id', 'DESC']],
  nested: { case: drugCase },
  attach(involvement, read: { case: DrugCase | null }) {
    involvement.caseRef = read.case ?? undefined;
  },
});
