import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class Ingestion1795933000000 implements MigrationInterface {
  name = 'Ingestion1795933000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rejected_record\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"department\" varchar(32) NOT NULL, \"record_kind\" varchar(32), \"source\" varchar(200) NOT NULL, \"source_row\" integer NOT NULL, \"raw\" text NOT NULL, \"fields\" text, \"reasons_json\" text NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"submitted_by\" varchar(100) NOT NULL, \"submitter_district\" varchar(12) NOT NULL, \"received_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"resolved\" boolean NOT NULL DEFAULT (0), \"resolved_at\" datetime, \"resolved_record_id\" integer, CONSTRAINT \"UQ_8d2cc94b848b7db8bdd0d597e4a\" UNIQUE (\"fingerprint\"))");
    await queryRunner.query("CREATE INDEX \"IDX_23dc8c19a6b58299567d110276\" ON \"rejected_record\" (\"department\", \"resolved\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"person_identity\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"person_id\" integer NOT NULL, \"department\" varchar(32) NOT NULL, \"name\" varchar(50) NOT NULL, \"birth_date\" date NOT NULL, \"residence_district_code\" varchar(12) NOT NULL, \"household_district_code\" varchar(12), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9f2eb702c0da2e2f7e01c7e8b8\" ON \"person_identity\" (\"person_id\", \"department\") ");
    await queryRunner.query("CREATE TABLE \"identity_conflict\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"person_id\" integer NOT NULL, \"field\" varchar(32) NOT NULL, \"department_a\" varchar(32) NOT NULL, \"value_a\" varchar(50) NOT NULL, \"department_b\" varchar(32) NOT NULL, \"value_b\" varchar(50) NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"detected_at\" datetime NOT NULL DEFAULT (datetime('now')), \"resolved\" boolean NOT NULL DEFAULT (0), \"resolved_at\" datetime, CONSTRAINT \"UQ_62b99c9b4f257f94441b5c7bfcc\" UNIQUE (\"fingerprint\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c5f6d12180fbb25e342d0dd8e7\" ON \"identity_conflict\" (\"person_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b64bff1688eee618827690416b\" ON \"identity_conflict\" (\"resolved\", \"id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b64bff1688eee618827690416b\"");
    await queryRunner.query("DROP INDEX \"IDX_c5f6d12180fbb25e342d0dd8e7\"");
    await queryRunner.query("DROP TABLE \"identity_conflict\"");
    await queryRunner.query("DROP INDEX \"IDX_9f2eb702c0da2e2f7e01c7e8b8\"");
    await queryRunner.query("DROP TABLE \"person_identity\"");
    await queryRunner.query("DROP INDEX \"IDX_23dc8c19a6b58299567d110276\"");
    await queryRunner.query("DROP TABLE \"rejected_record\"");
  }
}
