import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class Ingestion1795933000000 implements MigrationInterface {
  name = 'Ingestion1795933000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `rejected_record` (`id` int NOT NULL AUTO_INCREMENT, `department` varchar(32) NOT NULL, `record_kind` varchar(32) NULL, `source` varchar(200) NOT NULL, `source_row` int NOT NULL, `raw` text NOT NULL, `fields` text NULL, `reasons_json` text NOT NULL, `fingerprint` varchar(64) NOT NULL, `submitted_by` varchar(100) NOT NULL, `submitter_district` varchar(12) NOT NULL, `received_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `resolved` tinyint NOT NULL DEFAULT 0, `resolved_at` datetime NULL, `resolved_record_id` int NULL, INDEX `IDX_23dc8c19a6b58299567d110276` (`department`, `resolved`, `id`), UNIQUE INDEX `IDX_8d2cc94b848b7db8bdd0d597e4` (`fingerprint`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_identity` (`id` int NOT NULL AUTO_INCREMENT, `person_id` int NOT NULL, `department` varchar(32) NOT NULL, `name` varchar(50) NOT NULL, `birth_date` date NOT NULL, `residence_district_code` varchar(12) NOT NULL, `household_district_code` varchar(12) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_9f2eb702c0da2e2f7e01c7e8b8` (`person_id`, `department`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `identity_conflict` (`id` int NOT NULL AUTO_INCREMENT, `person_id` int NOT NULL, `field` varchar(32) NOT NULL, `department_a` varchar(32) NOT NULL, `value_a` varchar(50) NOT NULL, `department_b` varchar(32) NOT NULL, `value_b` varchar(50) NOT NULL, `fingerprint` varchar(64) NOT NULL, `detected_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `resolved` tinyint NOT NULL DEFAULT 0, `resolved_at` datetime NULL, INDEX `IDX_c5f6d12180fbb25e342d0dd8e7` (`person_id`), INDEX `IDX_b64bff1688eee618827690416b` (`resolved`, `id`), UNIQUE INDEX `IDX_62b99c9b4f257f94441b5c7bfc` (`fingerprint`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_62b99c9b4f257f94441b5c7bfc` ON `identity_conflict`");
    await queryRunner.query("DROP INDEX `IDX_b64bff1688eee618827690416b` ON `identity_conflict`");
    await queryRunner.query("DROP INDEX `IDX_c5f6d12180fbb25e342d0dd8e7` ON `identity_conflict`");
    await queryRunner.query("DROP TABLE `identity_conflict`");
    await queryRunner.query("DROP INDEX `IDX_9f2eb702c0da2e2f7e01c7e8b8` ON `person_identity`");
    await queryRunner.query("DROP TABLE `person_identity`");
    await queryRunner.query("DROP INDEX `IDX_8d2cc94b848b7db8bdd0d597e4` ON `rejected_record`");
    await queryRunner.query("DROP INDEX `IDX_23dc8c19a6b58299567d110276` ON `rejected_record`");
    await queryRunner.query("DROP TABLE `rejected_record`");
  }
}
