import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts; the state row added by hand: a database
// that already holds persons starts stale (readers use the reference SQL) until `npm run migrate` or
// `npm run indicators:rebuild` fills the ledger; an empty one starts valid.
export class IndicatorSummary1795942341713 implements MigrationInterface {
  name = 'IndicatorSummary1795942341713';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `indicator_day_total` (`grain` varchar(1) NOT NULL, `day` date NOT NULL, `metric` varchar(8) NOT NULL, `district_code` varchar(12) NOT NULL, `delta` int NOT NULL, PRIMARY KEY (`grain`, `day`, `metric`, `district_code`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_indicator_contribution` (`person_id` int NOT NULL, `entries` text NOT NULL, PRIMARY KEY (`person_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person_event_day` (`figure` varchar(4) NOT NULL, `day` date NOT NULL, `person_id` int NOT NULL, `district_code` varchar(12) NOT NULL, INDEX `IDX_8b8e4cb01f38579a02c0fdc4c7` (`person_id`), PRIMARY KEY (`figure`, `day`, `person_id`, `district_code`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `indicator_summary_state` (`id` int NOT NULL, `stale` tinyint NOT NULL, `rebuilt_at` varchar(30) NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("INSERT INTO `indicator_summary_state` (`id`, `stale`, `rebuilt_at`) SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM `person`) THEN 1 ELSE 0 END, NULL");
    await queryRunner.query("CREATE INDEX `IDX_b9d62620ce196976a4a0f78af4` ON `rehab_programme` (`district_code`, `ordered_at`, `kind`, `ended_at`, `reported_at`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b9d62620ce196976a4a0f78af4` ON `rehab_programme`");
    await queryRunner.query("DROP TABLE `indicator_summary_state`");
    await queryRunner.query("DROP INDEX `IDX_8b8e4cb01f38579a02c0fdc4c7` ON `person_event_day`");
    await queryRunner.query("DROP TABLE `person_event_day`");
    await queryRunner.query("DROP TABLE `person_indicator_contribution`");
    await queryRunner.query("DROP TABLE `indicator_day_total`");
  }
}
