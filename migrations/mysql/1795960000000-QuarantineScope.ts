import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts. Rejected rows keep the district of the
// record they describe, their source key and their history (NULL for rows quarantined before).
export class QuarantineScope1795960000000 implements MigrationInterface {
  name = 'QuarantineScope1795960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `rejected_record` ADD `record_district` varchar(12) NULL");
    await queryRunner.query("ALTER TABLE `rejected_record` ADD `source_key` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `rejected_record` ADD `history_json` text NULL");
    await queryRunner.query("CREATE INDEX `IDX_4e99ac6fba1edf8d1b836e4e6a` ON `rejected_record` (`department`, `record_kind`, `source_key`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_4e99ac6fba1edf8d1b836e4e6a` ON `rejected_record`");
    await queryRunner.query("ALTER TABLE `rejected_record` DROP COLUMN `history_json`");
    await queryRunner.query("ALTER TABLE `rejected_record` DROP COLUMN `source_key`");
    await queryRunner.query("ALTER TABLE `rejected_record` DROP COLUMN `record_district`");
  }
}
