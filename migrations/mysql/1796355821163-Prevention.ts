import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class Prevention1796355821163 implements MigrationInterface {
  name = 'Prevention1796355821163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `education_base` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(100) NOT NULL, `opened_at` date NOT NULL, `closed_at` date NULL, INDEX `IDX_bd88f6896362aa87272e08e0ed` (`district_code`), UNIQUE INDEX `IDX_764efd66f6ac54fa4c97660ebd` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `publicity_event` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `title` varchar(100) NOT NULL, `kind` varchar(32) NOT NULL, `held_at` date NOT NULL, `participants` int NOT NULL, INDEX `IDX_f8d69b35a21186208fd9bd09aa` (`district_code`), INDEX `IDX_619e6a6c89d49e0b085aa9e029` (`district_code`, `held_at`), UNIQUE INDEX `IDX_d5d1ba837e90c3f5b3019dcd3b` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_session` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `school` varchar(100) NOT NULL, `held_at` date NOT NULL, `students` int NOT NULL, `quiz_taken` int NULL, `quiz_passed` int NULL, INDEX `IDX_efe64ad8eba6fb116db9c354df` (`district_code`), INDEX `IDX_464dde909f839f41cc9d7905b7` (`district_code`, `held_at`), UNIQUE INDEX `IDX_6b23e9f1a4c0e319fc1689a70b` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6b23e9f1a4c0e319fc1689a70b` ON `school_session`");
    await queryRunner.query("DROP INDEX `IDX_464dde909f839f41cc9d7905b7` ON `school_session`");
    await queryRunner.query("DROP INDEX `IDX_efe64ad8eba6fb116db9c354df` ON `school_session`");
    await queryRunner.query("DROP TABLE `school_session`");
    await queryRunner.query("DROP INDEX `IDX_d5d1ba837e90c3f5b3019dcd3b` ON `publicity_event`");
    await queryRunner.query("DROP INDEX `IDX_619e6a6c89d49e0b085aa9e029` ON `publicity_event`");
    await queryRunner.query("DROP INDEX `IDX_f8d69b35a21186208fd9bd09aa` ON `publicity_event`");
    await queryRunner.query("DROP TABLE `publicity_event`");
    await queryRunner.query("DROP INDEX `IDX_764efd66f6ac54fa4c97660ebd` ON `education_base`");
    await queryRunner.query("DROP INDEX `IDX_bd88f6896362aa87272e08e0ed` ON `education_base`");
    await queryRunner.query("DROP TABLE `education_base`");
  }
}
