import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class AuditKeyId1795970000000 implements MigrationInterface {
  name = 'AuditKeyId1795970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_78b0534d66404cdc3e87415e95\"");
    await queryRunner.query("DROP INDEX \"IDX_806add0204f192a9f867d0515c\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_event\" (\"seq\" bigint PRIMARY KEY NOT NULL, \"occurred_at\" varchar(24) NOT NULL, \"subject_sub\" varchar(100) NOT NULL, \"subject_role\" varchar(32) NOT NULL, \"subject_district\" varchar(12) NOT NULL, \"operation_name\" varchar(100), \"document_hash\" varchar(64) NOT NULL, \"variables\" text NOT NULL, \"purpose\" varchar(200), \"outcome\" varchar(32) NOT NULL, \"person_count\" integer NOT NULL, \"person_ids\" text NOT NULL, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"key_id\" varchar(16) NOT NULL DEFAULT ('sha256'))");
    await queryRunner.query("INSERT INTO \"temporary_audit_event\"(\"seq\", \"occurred_at\", \"subject_sub\", \"subject_role\", \"subject_district\", \"operation_name\", \"document_hash\", \"variables\", \"purpose\", \"outcome\", \"person_count\", \"person_ids\", \"prev_hash\", \"hash\") SELECT \"seq\", \"occurred_at\", \"subject_sub\", \"subject_role\", \"subject_district\", \"operation_name\", \"document_hash\", \"variables\", \"purpose\", \"outcome\", \"person_count\", \"person_ids\", \"prev_hash\", \"hash\" FROM \"audit_event\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_event\" RENAME TO \"audit_event\"");
    await queryRunner.query("CREATE INDEX \"IDX_78b0534d66404cdc3e87415e95\" ON \"audit_event\" (\"subject_sub\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_806add0204f192a9f867d0515c\" ON \"audit_event\" (\"occurred_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_806add0204f192a9f867d0515c\"");
    await queryRunner.query("DROP INDEX \"IDX_78b0534d66404cdc3e87415e95\"");
    await queryRunner.query("ALTER TABLE \"audit_event\" RENAME TO \"temporary_audit_event\"");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"seq\" bigint PRIMARY KEY NOT NULL, \"occurred_at\" varchar(24) NOT NULL, \"subject_sub\" varchar(100) NOT NULL, \"subject_role\" varchar(32) NOT NULL, \"subject_district\" varchar(12) NOT NULL, \"operation_name\" varchar(100), \"document_hash\" varchar(64) NOT NULL, \"variables\" text NOT NULL, \"purpose\" varchar(200), \"outcome\" varchar(32) NOT NULL, \"person_count\" integer NOT NULL, \"person_ids\" text NOT NULL, \"prev_hash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("INSERT INTO \"audit_event\"(\"seq\", \"occurred_at\", \"subject_sub\", \"subject_role\", \"subject_district\", \"operation_name\", \"document_hash\", \"variables\", \"purpose\", \"outcome\", \"person_count\", \"person_ids\", \"prev_hash\", \"hash\") SELECT \"seq\", \"occurred_at\", \"subject_sub\", \"subject_role\", \"subject_district\", \"operation_name\", \"document_hash\", \"variables\", \"purpose\", \"outcome\", \"person_count\", \"person_ids\", \"prev_hash\", \"hash\" FROM \"temporary_audit_event\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_event\"");
    await queryRunner.query("CREATE INDEX \"IDX_806add0204f192a9f867d0515c\" ON \"audit_event\" (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_78b0534d66404cdc3e87415e95\" ON \"audit_event\" (\"subject_sub\", \"occurred_at\") ");
  }
}
