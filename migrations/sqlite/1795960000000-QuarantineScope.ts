import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts. Rejected rows keep the district of the
// record they describe, their source key and their history (NULL for rows quarantined before).
export class QuarantineScope1795960000000 implements MigrationInterface {
  name = 'QuarantineScope1795960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_23dc8c19a6b58299567d110276\"");
    await queryRunner.query("CREATE TABLE \"temporary_rejected_record\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"department\" varchar(32) NOT NULL, \"record_kind\" varchar(32), \"source\" varchar(200) NOT NULL, \"source_row\" integer NOT NULL, \"raw\" text NOT NULL, \"fields\" text, \"reasons_json\" text NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"submitted_by\" varchar(100) NOT NULL, \"submitter_district\" varchar(12) NOT NULL, \"received_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"resolved\" boolean NOT NULL DEFAULT (0), \"resolved_at\" datetime, \"resolved_record_id\" integer, \"record_district\" varchar(12), \"source_key\" varchar(64), \"history_json\" text, CONSTRAINT \"UQ_8d2cc94b848b7db8bdd0d597e4a\" UNIQUE (\"fingerprint\"))");
    await queryRunner.query("INSERT INTO \"temporary_rejected_record\"(\"id\", \"department\", \"record_kind\", \"source\", \"source_row\", \"raw\", \"fields\", \"reasons_json\", \"fingerprint\", \"submitted_by\", \"submitter_district\", \"received_at\", \"updated_at\", \"resolved\", \"resolved_at\", \"resolved_record_id\") SELECT \"id\", \"department\", \"record_kind\", \"source\", \"source_row\", \"raw\", \"fields\", \"reasons_json\", \"fingerprint\", \"submitted_by\", \"submitter_district\", \"received_at\", \"updated_at\", \"resolved\", \"resolved_at\", \"resolved_record_id\" FROM \"rejected_record\"");
    await queryRunner.query("DROP TABLE \"rejected_record\"");
    await queryRunner.query("ALTER TABLE \"temporary_rejected_record\" RENAME TO \"rejected_record\"");
    await queryRunner.query("CREATE INDEX \"IDX_23dc8c19a6b58299567d110276\" ON \"rejected_record\" (\"department\", \"resolved\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4e99ac6fba1edf8d1b836e4e6a\" ON \"rejected_record\" (\"department\", \"record_kind\", \"source_key\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_4e99ac6fba1edf8d1b836e4e6a\"");
    await queryRunner.query("DROP INDEX \"IDX_23dc8c19a6b58299567d110276\"");
    await queryRunner.query("ALTER TABLE \"rejected_record\" RENAME TO \"temporary_rejected_record\"");
    await queryRunner.query("CREATE TABLE \"rejected_record\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"department\" varchar(32) NOT NULL, \"record_kind\" varchar(32), \"source\" varchar(200) NOT NULL, \"source_row\" integer NOT NULL, \"raw\" text NOT NULL, \"fields\" text, \"reasons_json\" text NOT NULL, \"fingerprint\" varchar(64) NOT NULL, \"submitted_by\" varchar(100) NOT NULL, \"submitter_district\" varchar(12) NOT NULL, \"received_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"resolved\" boolean NOT NULL DEFAULT (0), \"resolved_at\" datetime, \"resolved_record_id\" integer, CONSTRAINT \"UQ_8d2cc94b848b7db8bdd0d597e4a\" UNIQUE (\"fingerprint\"))");
    await queryRunner.query("INSERT INTO \"rejected_record\"(\"id\", \"department\", \"record_kind\", \"source\", \"source_row\", \"raw\", \"fields\", \"reasons_json\", \"fingerprint\", \"submitted_by\", \"submitter_district\", \"received_at\", \"updated_at\", \"resolved\", \"resolved_at\", \"resolved_record_id\") SELECT \"id\", \"department\", \"record_kind\", \"source\", \"source_row\", \"raw\", \"fields\", \"reasons_json\", \"fingerprint\", \"submitted_by\", \"submitter_district\", \"received_at\", \"updated_at\", \"resolved\", \"resolved_at\", \"resolved_record_id\" FROM \"temporary_rejected_record\"");
    await queryRunner.query("DROP TABLE \"temporary_rejected_record\"");
    await queryRunner.query("CREATE INDEX \"IDX_23dc8c19a6b58299567d110276\" ON \"rejected_record\" (\"department\", \"resolved\", \"id\") ");
  }
}
