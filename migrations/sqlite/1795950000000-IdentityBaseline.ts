import { MigrationInterface, QueryRunner } from 'typeorm';

// Persons that predate identity versions (seeded or migrated) get a version for each department that
// holds records of them (public security when none), copied from the person row, so that an import
// that disagrees raises an identity conflict instead of renaming the person or clearing a detail.
// The statement is copied here (frozen history); the seed runs the same one (src/persons/identity-baseline.ts).
export class IdentityBaseline1795950000000 implements MigrationInterface {
  name = 'IdentityBaseline1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("INSERT INTO \"person_identity\" (\"person_id\", \"department\", \"name\", \"birth_date\", \"residence_district_code\", \"household_district_code\") SELECT b.pid, b.dept, b.\"name\", b.\"birth_date\", b.\"residence_district_code\", b.\"household_district_code\" FROM (SELECT p.\"id\" AS pid, 'PUBLIC_SECURITY' AS dept, 0 AS rnk, p.\"name\" AS \"name\", p.\"birth_date\" AS \"birth_date\", p.\"residence_district_code\" AS \"residence_district_code\", p.\"household_district_code\" AS \"household_district_code\" FROM \"person\" p WHERE (EXISTS (SELECT 1 FROM \"drug_use_detection\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"case_suspect\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"risk_assessment\" r WHERE r.\"person_id\" = p.\"id\") OR NOT (EXISTS (SELECT 1 FROM \"drug_use_detection\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"case_suspect\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"risk_assessment\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"rehab_programme\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"follow_up_check\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"employment_assistance\" r WHERE r.\"person_id\" = p.\"id\"))) UNION ALL SELECT p.\"id\" AS pid, 'JUSTICE' AS dept, 1 AS rnk, p.\"name\" AS \"name\", p.\"birth_date\" AS \"birth_date\", p.\"residence_district_code\" AS \"residence_district_code\", p.\"household_district_code\" AS \"household_district_code\" FROM \"person\" p WHERE (EXISTS (SELECT 1 FROM \"rehab_programme\" r WHERE r.\"person_id\" = p.\"id\") OR EXISTS (SELECT 1 FROM \"follow_up_check\" r WHERE r.\"person_id\" = p.\"id\")) UNION ALL SELECT p.\"id\" AS pid, 'EMPLOYMENT' AS dept, 2 AS rnk, p.\"name\" AS \"name\", p.\"birth_date\" AS \"birth_date\", p.\"residence_district_code\" AS \"residence_district_code\", p.\"household_district_code\" AS \"household_district_code\" FROM \"person\" p WHERE (EXISTS (SELECT 1 FROM \"employment_assistance\" r WHERE r.\"person_id\" = p.\"id\"))) b WHERE NOT EXISTS (SELECT 1 FROM \"person_identity\" v WHERE v.\"person_id\" = b.pid) ORDER BY b.pid, b.rnk");
  }

  // The versions cannot be told apart from imported ones afterwards; nothing to undo safely.
  public async down(): Promise<void> {}
}
