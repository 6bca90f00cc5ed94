import { DataSource, ObjectLiteral } from 'typeorm';
import { createDataSource } from '../ormconfig';
import { findByKeys } from '../src/common/loaders';
import { StatementCount, trackStatements } from '../src/common/sql-counter';
import { PersonListLoader } from '../src/core/person-lists';
import { Person } from '../src/core/person.entity';
import { Caseworker } from '../src/justice/caseworker.entity';
import { FollowUpCheck } from '../src/justice/follow-up-check.entity';
import { programmesOfPerson } from '../src/justice/justice.person-lists';
import { RehabCentre } from '../src/justice/rehab-centre.entity';
import { RehabProgramme } from '../src/justice/rehab-programme.entity';
import { EmploymentAssistance } from '../src/employment/employment-assistance.entity';
import { assistancesOfPerson } from '../src/employment/employment.person-lists';
import { CaseSuspect } from '../src/public-security/case-suspect.entity';
import { DrugCase } from '../src/public-security/drug-case.entity';
import { DrugUseDetection } from '../src/public-security/drug-use-detection.entity';
import { HeroinEquivalentFactor } from '../src/public-security/heroin-equivalent-factor.entity';
import { detectionsOfPerson, involvementsOfPerson, riskAssessmentsOfPerson } from '../src/public-security/public-security.person-lists';
import { heroinEquivalentKg } from '../src/public-security/public-security.resolver';
import { RiskAssessment } from '../src/public-security/risk-assessment.entity';
import { Seizure } from '../src/public-security/seizure.entity';
import { SPC2016_TABLE } from '../src/reference/heroin-equivalent-spc2016';
import { seedDatabase } from '../src/seed/bulk-insert';
import { freshDatabase, testDatabases } from './helpers/databases';

// A person's lists read as JSON in one statement (src/core/person-lists.ts) hold exactly what the
// loaders' rows hold (findByKeys: the same entity classes, the same column conversions, the same
// order), nested records included, for values that JSON could get wrong: quotes, backslashes, line
// breaks and characters outside the BMP in text, true booleans, decimals with 16 digits, nulls.
const TRICKY_TEXT = 'O\'Brien "the \\ one"\n\t中文 😀';

// the columns of an entity record as a plain object (the records the lists nest are compared apart)
const columnsOf = (r: ObjectLiteral | null | undefined) => {
  if (!r) return r;
  const { caseRef: _c, personRef: _p, caseworkerRef: _w, centreRef: _r, loadedSeizures: _s, loadedSuspects: _u, defaultHeroinFactors: _f, defaultHeroinFactor: _h, loadedChecks: _k, ...columns } = r;
  return columns;
};

function byKey<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
}

async function expectListsAsLoaded(ds: DataSource, ids: number[]): Promise<number> {
  const lists = new PersonListLoader(ds);
  const counter = new StatementCount();
  // every list of every person asked for in one tick, as the fields of a page ask for them
  const [detections, risks, involvements, programmes, assistances] = await trackStatements(counter, () =>
    Promise.all([detectionsOfPerson, riskAssessmentsOfPerson, involvementsOfPerson, programmesOfPerson, assistancesOfPerson].map((list) =>
      Promise.all(ids.map((id) => lists.load<ObjectLiteral>(list, id))),
    )),
  );
  expect(counter.statements).toBe(1);

  const expectSame = async (got: ObjectLiteral[][], target: Function, key: string, order: Array<[string, 'ASC' | 'DESC']>) => {
    const rows = byKey(await findByKeys<ObjectLiteral>(ds, target, key, ids, order), (r) => r[key]);
    ids.forEach((id, i) => {
      for (const r of got[i]) expect(r).toBeInstanceOf(target);
      expect(got[i].map(columnsOf)).toEqual((rows.get(id) ?? []).map(columnsOf));
    });
  };
  await expectSame(detections, DrugUseDetection, 'personId', [['detectedAt', 'DESC'], ['id', 'DESC']]);
  await expectSame(risks, RiskAssessment, 'personId', [['assessedAt', 'DESC'], ['id', 'DESC']]);
  await expectSame(involvements, CaseSuspect, 'personId', [['id', 'DESC']]);
  await expectSame(programmes, RehabProgramme, 'personId', [['orderedAt', 'DESC'], ['id', 'DESC']]);
  await expectSame(assistances, EmploymentAssistance, 'personId', [['startedAt', 'DESC'], ['id', 'DESC']]);

  // an involvement's case, with its seizures, its suspects and their persons, and its heroin equivalent
  const cases = (involvements.flat() as CaseSuspect[]).map((s) => s.caseRef!);
  const caseIds = [...new Set(cases.map((c) => c.id))];
  const caseRows = new Map((await findByKeys(ds, DrugCase, 'id', caseIds)).map((c) => [c.id, c]));
  const seizures = byKey(await findByKeys(ds, Seizure, 'caseId', caseIds, [['seizedAt', 'ASC'], ['id', 'ASC']]), (z) => z.caseId);
  const suspects = byKey(await findByKeys(ds, CaseSuspect, 'caseId', caseIds, [['id', 'ASC']]), (s) => s.caseId);
  const factorRows = await ds.getRepository(HeroinEquivalentFactor).findBy({ tableName: SPC2016_TABLE });
  const factors = new Map(factorRows.map((f) => [f.substance, f.factor]));
  for (const c of cases) {
    expect(c).toBeInstanceOf(DrugCase);
    expect(columnsOf(c)).toEqual(columnsOf(caseRows.get(c.id)));
    expect(c.loadedSeizures!.map(columnsOf)).toEqual((seizures.get(c.id) ?? []).map(columnsOf));
    expect(c.loadedSuspects!.map(columnsOf)).toEqual((suspects.get(c.id) ?? []).map(columnsOf));
    expect(heroinEquivalentKg(c.loadedSeizures!, c.defaultHeroinFactors!)).toBe(heroinEquivalentKg(seizures.get(c.id) ?? [], factors));
    for (const s of c.loadedSuspects!) {
      expect(s.personRef).toBeInstanceOf(Person);
      expect(s.personRef).toEqual((await findByKeys(ds, Person, 'id', [s.personId]))[0]);
    }
  }
  // a programme's caseworker, centre and follow-up checks
  const all = programmes.flat() as RehabProgramme[];
  const checks = byKey(await findByKeys(ds, FollowUpCheck, 'programmeId', all.map((p) => p.id), [['checkedAt', 'DESC'], ['id', 'DESC']]), (c) => c.programmeId);
  for (const p of all) {
    expect(p.loadedChecks!.map(columnsOf)).toEqual((checks.get(p.id) ?? []).map(columnsOf));
    for (const c of p.loadedChecks!) expect(c).toBeInstanceOf(FollowUpCheck);
    const [caseworker] = p.caseworkerId === null ? [undefined] : await findByKeys(ds, Caseworker, 'id', [p.caseworkerId]);
    const [centre] = p.centreId === null ? [undefined] : await findByKeys(ds, RehabCentre, 'id', [p.centreId]);
    expect(p.caseworkerRef).toEqual(caseworker);
    expect(p.centreRef).toEqual(centre);
  }
  return cases.length + all.length;
}

describe.each(testDatabases())('person lists on $name', ({ name, target }) => {
  let ds: DataSource;
  let ids: number[];
  beforeAll(async () => {
    ds = await freshDatabase(target);
    await seedDatabase(ds, { persons: 300, seed: 7 });
    // values JSON could get wrong, on records the lists below reach
    const first = async (sql: string) => Number((await ds.query(sql))[0].id);
    const assistance = await first('SELECT MIN(id) AS id FROM employment_assistance');
    await ds.query('UPDATE employment_assistance SET provider = ?, subsidy_amount_cny = ? WHERE id = ?', [TRICKY_TEXT, '9999999999.99', assistance]);
    const seizure = await first('SELECT MIN(id) AS id FROM seizure WHERE quantity_grams IS NOT NULL');
    await ds.query('UPDATE seizure SET quantity_grams = ? WHERE id = ?', ['1234567890123.457', seizure]);
    const suspect = await first('SELECT MIN(id) AS id FROM case_suspect');
    await ds.query('UPDATE case_suspect SET is_fugitive = ? WHERE id = ?', [true, suspect]);
    await ds.query('UPDATE drug_case SET is_target_case = ? WHERE id = (SELECT case_id FROM case_suspect WHERE id = ?)', [true, suspect]);
    await ds.query('UPDATE person SET name = ? WHERE id = (SELECT person_id FROM case_suspect WHERE id = ?)', [TRICKY_TEXT, suspect]);
    await ds.query('UPDATE caseworker SET is_active = ?, name = ?', [false, TRICKY_TEXT]);
    const people = async (sql: string) => (await ds.query(sql)).map((r: { id: number | string }) => Number(r.id));
    ids = [
      ...new Set([
        ...(await people(`SELECT person_id AS id FROM employment_assistance WHERE id = ${assistance}`)),
        ...(await people(`SELECT s.person_id AS id FROM case_suspect s JOIN seizure z ON z.case_id = s.case_id WHERE z.id = ${seizure}`)),
        ...(await people(`SELECT person_id AS id FROM case_suspect WHERE id = ${suspect}`)),
        ...(await people('SELECT id FROM person ORDER BY id LIMIT 120')),
        999999, // no such person: empty lists
      ]),
    ];
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('hold what the loaders read, in their order, with the records they nest', async () => {
    expect(await expectListsAsLoaded(ds, ids)).toBeGreaterThan(20);
  });

  it('sort after parsing where the server cannot order JSON_ARRAYAGG (MySQL 8, TiDB)', async () => {
    if (name !== 'mysql' || target.kind !== 'mysql') return;
    // MariaDB answers the MySQL dialect too (JSON_ARRAYAGG without ORDER BY): the lists come in the
    // server's order and are sorted by the reader
    const asMysql = createDataSource({ ...target, flavor: 'mysql' });
    await asMysql.initialize();
    try {
      expect(asMysql.options.type).toBe('mysql');
      expect(await expectListsAsLoaded(asMysql, ids)).toBeGreaterThan(20);
    } finally {
      await asMysql.destroy();
    }
  });

  it('hold a list longer than MariaDB\'s default group_concat_max_len (1 MB) whole', async () => {
    const [template] = await ds.query('SELECT * FROM drug_use_detection ORDER BY id LIMIT 1');
    const person = Number(template.person_id);
    const columns = Object.keys(template).filter((c) => c !== 'id');
    const rows = Array.from({ length: 12_000 }, (_, i) => columns.map((c) => (c === 'source_key' ? `LONG-LIST-${i}` : template[c])));
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await ds.query(
        `INSERT INTO drug_use_detection (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
        chunk.flat(),
      );
    }
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM drug_use_detection WHERE person_id = ?', [person]);
    expect(Number(n)).toBeGreaterThan(12_000);
    const detections = await new PersonListLoader(ds).load<ObjectLiteral>(detectionsOfPerson, person);
    expect(detections).toHaveLength(Number(n));
    await expectListsAsLoaded(ds, [person]);
  }, 60_000);
});
