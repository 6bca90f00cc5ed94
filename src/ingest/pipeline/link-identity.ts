// Stage: link identity. Persons by normalised ID number, created on first sight; this department's
// version of each person kept in person_identity; a disagreement with another department's version
// recorded in identity_conflict for review. Returns what the batch wrote, for KnownPersons once committed.
import { EntityManager } from 'typeorm';
import { withinJurisdiction } from '../../policy/jurisdiction';
import { addIdentityBaseline } from '../../persons/identity-baseline';
import { Department, IdentityField } from '../ingest.enums';
import { KindSpec } from '../record-kinds';
import { Column, normalise } from './columns';
import { sha256 } from './hash';
import { Item, StageContext } from './types';

const DEPARTMENT_ORDER = [Department.PUBLIC_SECURITY, Department.JUSTICE, Department.EMPLOYMENT];

interface Version {
  name: string;
  birthDate: string;
  residenceDistrictCode: string;
  householdDistrictCode: string | null;
}

// Persons this import has already linked, with a hash of the department's version it wrote: a person
// seen again with the same version needs no database work. Bounded (the oldest are forgotten first) and
// compact: one map entry plus 8 bytes per person, so memory stays flat whatever the file size.
export const KNOWN_PERSONS_MAX = 500_000;

export class KnownPersons {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: Int32Array;
  private readonly hashes: Uint32Array;
  private next = 0;

  constructor(private readonly max: number) {
    this.ids = new Int32Array(max);
    this.hashes = new Uint32Array(max);
  }

  // the person id when this key was written with this version hash, else undefined
  get(key: string, hash: number): number | undefined {
    const slot = this.slotOf.get(key);
    return slot !== undefined && this.hashes[slot] === hash ? this.ids[slot] : undefined;
  }

  set(key: string, id: number, hash: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      if (this.slotOf.size >= this.max) {
        const oldest = this.slotOf.keys().next().value as string;
        slot = this.slotOf.get(oldest)!;
        this.slotOf.delete(oldest);
      } else slot = this.next++;
      this.slotOf.set(key, slot);
    }
    this.ids[slot] = id;
    this.hashes[slot] = hash;
  }
}

function versionHash(v: Version): number {
  const text = `${v.name}\u0001${v.birthDate}\u0001${v.residenceDistrictCode}\u0001${v.householdDistrictCode ?? ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Persons by normalised ID number, created on first sight; this department's version of each
// person kept in person_identity; a disagreement with another department's version recorded in
// identity_conflict. The person row itself follows the department that knew the person first.
export async function linkPersons(
  ctx: StageContext, known: KnownPersons,
  em: EntityManager, spec: KindSpec, items: Item[], stats: { personsCreated: number; conflicts: number }, touched: Set<number>,
): Promise<Array<[string, number, number]>> {
  const dept = spec.department;
  const sql = ctx.sql;
  const final = new Map<string, Version>(); // per folded ID number; the last row of the batch wins
  const sample = new Map<string, Item>();
  for (const i of items) {
    const input = i.input!;
    const key = sql.fold(i.idNumber!);
    final.set(key, {
      name: input.name, birthDate: input.birthDate ?? i.idBirthDate!, residenceDistrictCode: input.residenceDistrictCode,
      householdDistrictCode: input.householdDistrictCode ?? null,
    });
    sample.set(key, i);
  }
  // persons this import already wrote with the same version: nothing to do for them
    const cached = new Map<string, number>();
  for (const [key, v] of final) {
    const id = known.get(key, versionHash(v));
    if (id !== undefined) {
      cached.set(key, id);
      final.delete(key);
      sample.delete(key);
    }
  }
  if (!final.size) {
    for (const i of items) i.personId = cached.get(sql.fold(i.idNumber!))!;
    return [];
  }
  type PersonRow = { id: number; id_number: string; name: string; residence_district_code: string; household_district_code: string | null };
  const persons = new Map<string, PersonRow>();
  const idNumbers = [...sample.values()].map((i) => i.idNumber!);
  for (const p of await sql.selectIn<PersonRow>(em, 'person', ['id', 'id_number', 'name', 'residence_district_code', 'household_district_code'], 'id_number', idNumbers)) {
    persons.set(sql.fold(p.id_number), { ...p, id: Number(p.id) });
  }
  const created = [...sample.keys()].filter((k) => !persons.has(k));
  if (created.length) {
    const rows = created.map((k) => {
      const i = sample.get(k)!;
      const v = final.get(k)!;
      return [i.idNumber, v.name, i.gender, i.idBirthDate, v.residenceDistrictCode, v.householdDistrictCode];
    });
    await sql.upsert(em, 'person', ['id_number', 'name', 'gender', 'birth_date', 'residence_district_code', 'household_district_code'], rows, ['id_number'], []);
    for (const p of await sql.selectIn<PersonRow>(em, 'person', ['id', 'id_number', 'name', 'residence_district_code', 'household_district_code'], 'id_number', created.map((k) => sample.get(k)!.idNumber))) {
      persons.set(sql.fold(p.id_number), { ...p, id: Number(p.id) });
    }
  }
  const isNew = new Set(created);

  type VersionRow = { id: number; person_id: number; department: Department; name: string; birth_date: string; residence_district_code: string; household_district_code: string | null };
  const versions = new Map<number, VersionRow[]>();
  const existingIds = [...persons.entries()].filter(([k]) => !isNew.has(k)).map(([, p]) => p.id);
  if (existingIds.length) {
    // persons written without ingestion (seeded, or from before identity versions) get their baseline first
    const withVersion = new Set((await sql.selectIn<{ person_id: number }>(em, 'person_identity', ['person_id'], 'person_id', existingIds)).map((r) => Number(r.person_id)));
    const bare = existingIds.filter((id) => !withVersion.has(id));
    if (bare.length) await addIdentityBaseline(em, (n) => sql.q(n), bare);
    const rows = await sql.selectIn<VersionRow>(em, 'person_identity', ['id', 'person_id', 'department', 'name', 'birth_date', 'residence_district_code', 'household_district_code'], 'person_id', existingIds);
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    for (const r of rows) {
      const list = versions.get(Number(r.person_id)) ?? [];
      list.push({ ...r, birth_date: normalise({ type: 'date' } as Column, r.birth_date) as string });
      versions.set(Number(r.person_id), list);
    }
  }

  const identityRows: unknown[][] = [];
  const conflictRows: unknown[][] = [];
  const agreed: Array<[number, IdentityField, Department]> = [];
  // No existence oracle: the counts answer as the writer sees persons. One outside their jurisdiction
  // (and not yet known to them through their department's version) counts as created, like one who
  // did not exist, and its conflicts with other departments are recorded for review but not counted.
  const { viewer, tree } = ctx;
  const visible = new Set<number>();
  for (const [key, v] of final) {
    const person = persons.get(key)!;
    const list = versions.get(person.id) ?? [];
    const mine = list.find((r) => r.department === dept);
    const seenBefore = !isNew.has(key) && (withinJurisdiction(viewer, tree, person.residence_district_code) || (!!mine && withinJurisdiction(viewer, tree, mine.residence_district_code)));
    if (seenBefore) visible.add(person.id);
    else stats.personsCreated += 1;
    // an absent household code is not known, not cleared: the department's or the person's stays
    if (v.householdDistrictCode === null) v.householdDistrictCode = mine?.household_district_code ?? (isNew.has(key) ? null : person.household_district_code) ?? null;
    const conflictsBefore = conflictRows.length;
    const changed =
      !mine || mine.name !== v.name || mine.birth_date !== v.birthDate || mine.residence_district_code !== v.residenceDistrictCode || (mine.household_district_code ?? null) !== v.householdDistrictCode;
    if (changed) {
      identityRows.push([person.id, dept, v.name, v.birthDate, v.residenceDistrictCode, v.householdDistrictCode]);
      for (const other of list.filter((r) => r.department !== dept)) {
        const pairs: Array<[IdentityField, string, string]> = [
          [IdentityField.NAME, other.name, v.name],
          [IdentityField.BIRTH_DATE, other.birth_date, v.birthDate],
          [IdentityField.RESIDENCE_DISTRICT, other.residence_district_code, v.residenceDistrictCode],
        ];
        for (const [field, theirs, ours] of pairs) {
          if (theirs === ours) {
            agreed.push([person.id, field, other.department]);
            continue;
          }
          const otherFirst = DEPARTMENT_ORDER.indexOf(other.department) < DEPARTMENT_ORDER.indexOf(dept);
          const [da, va, db, vb] = otherFirst ? [other.department, theirs, dept, ours] : [dept, ours, other.department, theirs];
          conflictRows.push([person.id, field, da, va, db, vb, sha256(JSON.stringify([person.id, field, da, va, db, vb]))]);
        }
      }
    }
    // the person row follows its first department, and only where no other department disagrees:
    // a disagreement waits for review (resolveIdentityConflict), it never renames or moves silently
    const primary = list[0]?.department ?? dept;
    const disputed = conflictRows.length > conflictsBefore || list.some((r) => r.department !== dept && (r.name !== v.name || r.birth_date !== v.birthDate || r.residence_district_code !== v.residenceDistrictCode));
    // a writer may only change a person it can already reach: nobody pulls a person from another
    // county into their own jurisdiction by sending a record (their version is kept, see above)
    const reachable = withinJurisdiction(viewer, tree, person.residence_district_code);
    if (!isNew.has(key) && primary === dept && !disputed && reachable && (person.name !== v.name || person.residence_district_code !== v.residenceDistrictCode || (person.household_district_code ?? null) !== v.householdDistrictCode)) {
      await em.query(
        `UPDATE ${sql.q('person')} SET ${sql.q('name')} = ?, ${sql.q('residence_district_code')} = ?, ${sql.q('household_district_code')} = ?, ${sql.q('updated_at')} = ${sql.now} WHERE ${sql.q('id')} = ?`,
        [v.name, v.residenceDistrictCode, v.householdDistrictCode, person.id],
      );
      if (person.residence_district_code !== v.residenceDistrictCode) touched.add(person.id); // moves their figures
    }
  }
  const cols = ['person_id', 'department', 'name', 'birth_date', 'residence_district_code', 'household_district_code'];
  await sql.upsert(em, 'person_identity', cols, identityRows, ['person_id', 'department'], cols.slice(2), [`${sql.q('updated_at')} = ${sql.now}`]);
  if (conflictRows.length) {
    const known = new Set((await sql.selectIn<{ fingerprint: string }>(em, 'identity_conflict', ['fingerprint'], 'fingerprint', conflictRows.map((r) => r[6]))).map((r) => r.fingerprint));
    const fresh = conflictRows.filter((r, idx) => !known.has(r[6] as string) && conflictRows.findIndex((o) => o[6] === r[6]) === idx);
    await sql.upsert(em, 'identity_conflict', ['person_id', 'field', 'department_a', 'value_a', 'department_b', 'value_b', 'fingerprint'], fresh, ['fingerprint'], []);
    stats.conflicts += fresh.filter((r) => visible.has(r[0] as number)).length;
  }
  // departments that now agree on a detail settle their open conflicts about it
  for (const [personId, field, other] of agreed) {
    await em.query(
      `UPDATE ${sql.q('identity_conflict')} SET ${sql.q('resolved')} = 1, ${sql.q('resolved_at')} = ${sql.now} WHERE ${sql.q('person_id')} = ? AND ${sql.q('field')} = ? AND ${sql.q('resolved')} = 0 AND ((${sql.q('department_a')} = ? AND ${sql.q('department_b')} = ?) OR (${sql.q('department_a')} = ? AND ${sql.q('department_b')} = ?))`,
      [personId, field, dept, other, other, dept],
    );
  }
  for (const i of items) {
    const key = sql.fold(i.idNumber!);
    i.personId = persons.get(key)?.id ?? cached.get(key)!;
  }
  return [...final].map(([key, v]): [string, number, number] => [key, persons.get(key)!.id, versionHash(v)]);
}
