// Persons written without going through ingestion (the seed, and databases that predate identity
// versions) get a version for each department that holds records of them (public security when none),
// taken from the person row. Linking then compares every import with it: a disagreement becomes an
// identity conflict for review instead of silently renaming the person or clearing a detail.
import { EntityManager, QueryRunner } from 'typeorm';

// [department, tables whose person_id says the department knows the person]
const DEPARTMENT_TABLES: ReadonlyArray<[string, string[]]> = [
  ['PUBLIC_SECURITY', ['drug_use_detection', 'case_suspect', 'risk_assessment']],
  ['JUSTICE', ['rehab_programme', 'follow_up_check']],
  ['EMPLOYMENT', ['employment_assistance']],
];

// One INSERT ... SELECT (read before it writes), so the departments of a person are decided on the
// state before the statement; persons that already have a version are left alone.
export function identityBaselineSql(q: (name: string) => string, personIds?: number[]): string {
  const holds = (tables: string[]) => tables.map((t) => `EXISTS (SELECT 1 FROM ${q(t)} r WHERE r.${q('person_id')} = p.${q('id')})`).join(' OR ');
  const anyRecords = holds(DEPARTMENT_TABLES.flatMap(([, t]) => t));
  const only = personIds ? ` AND p.${q('id')} IN (${personIds.map((id) => Number(id)).join(', ')})` : '';
  const details = ['name', 'birth_date', 'residence_district_code', 'household_district_code'];
  const parts = DEPARTMENT_TABLES.map(([dept, tables], rank) =>
    `SELECT p.${q('id')} AS pid, '${dept}' AS dept, ${rank} AS rnk, ${details.map((c) => `p.${q(c)} AS ${q(c)}`).join(', ')} FROM ${q('person')} p ` +
    `WHERE (${holds(tables)}${rank === 0 ? ` OR NOT (${anyRecords})` : ''})${only}`,
  );
  // ordered by person and department, so that a person's first version is its first department's
  return (
    `INSERT INTO ${q('person_identity')} (${['person_id', 'department', ...details].map(q).join(', ')}) ` +
    `SELECT b.pid, b.dept, ${details.map((c) => `b.${q(c)}`).join(', ')} FROM (${parts.join(' UNION ALL ')}) b ` +
    `WHERE NOT EXISTS (SELECT 1 FROM ${q('person_identity')} v WHERE v.${q('person_id')} = b.pid) ORDER BY b.pid, b.rnk`
  );
}

// personIds: only these persons (integers, inlined: a batch holds at most a few thousand)
export async function addIdentityBaseline(runner: QueryRunner | EntityManager, q: (name: string) => string, personIds?: number[]): Promise<void> {
  if (personIds && !personIds.length) return;
  await runner.query(identityBaselineSql(q, personIds));
}
