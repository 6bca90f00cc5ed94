import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class Initial1795930000000 implements MigrationInterface {
  name = 'Initial1795930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Chinese names need utf8mb4 whatever the server's default is (hand-added, not a schema diff).
    await queryRunner.query("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    await queryRunner.query("CREATE TABLE `district` (`code` varchar(12) NOT NULL, `name` varchar(50) NOT NULL, `name_pinyin` varchar(80) NOT NULL, `level` varchar(32) NOT NULL, `parent_code` varchar(12) NULL, `population` int NULL, INDEX `IDX_4db8071c068b6393a18174a430` (`parent_code`), PRIMARY KEY (`code`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `person` (`id` int NOT NULL AUTO_INCREMENT, `id_number` varchar(18) NOT NULL, `name` varchar(50) NOT NULL, `gender` varchar(32) NOT NULL, `birth_date` date NOT NULL, `residence_district_code` varchar(12) NOT NULL, `household_district_code` varchar(12) NULL, `deceased_at` date NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_c843e8f63cef41396a75b0bb7d` (`birth_date`), INDEX `IDX_e229401c006b7057281b91ef86` (`residence_district_code`, `id`), UNIQUE INDEX `IDX_73cff2575bbb056e9773c43e4c` (`id_number`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `employment_assistance` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `person_id` int NOT NULL, `kind` varchar(32) NOT NULL, `started_at` date NOT NULL, `ended_at` date NULL, `provider` varchar(100) NULL, `subsidy_amount_cny` decimal(12,2) NULL, `outcome` varchar(32) NULL, INDEX `IDX_9d6848b14f4c3b040938987705` (`district_code`), INDEX `IDX_6fdf008bf6c783d00da0e1e070` (`district_code`, `started_at`), INDEX `IDX_07d4a99d300a4924d821ee7244` (`person_id`, `started_at`), UNIQUE INDEX `IDX_9e01f38f308e45d15962e5cf67` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `caseworker` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(50) NOT NULL, `is_active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_8d7d18650c61a6c8054f28fa34` (`district_code`), UNIQUE INDEX `IDX_3dc30ed7e9cd2fd7d11cd6eb62` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `rehab_centre` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(80) NOT NULL, `opened_at` date NULL, INDEX `IDX_889654108dc113487452764384` (`district_code`), UNIQUE INDEX `IDX_a721e3cad7f07e7cffbb71b367` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `rehab_programme` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `person_id` int NOT NULL, `kind` varchar(32) NOT NULL, `ordered_at` date NOT NULL, `reported_at` date NULL, `planned_end_at` date NOT NULL, `ended_at` date NULL, `outcome` varchar(32) NULL, `caseworker_id` int NULL, `centre_id` int NULL, INDEX `IDX_df054a4225e4b0a7a31b738ab4` (`district_code`), INDEX `IDX_a46fd2585ccfec4a24f4b0cb3a` (`caseworker_id`), INDEX `IDX_4b01928ff9b6ce72d10e843355` (`centre_id`), INDEX `IDX_3c277ec6fc42133cf195ce6327` (`district_code`, `ended_at`), INDEX `IDX_2e00b562673854e5cebb196a4d` (`district_code`, `reported_at`), INDEX `IDX_3a31b32577995ae196ffbc2cdf` (`district_code`, `ordered_at`), INDEX `IDX_66a54d39bf4494e3d0dc2f45c1` (`person_id`, `ordered_at`), UNIQUE INDEX `IDX_142396d58d61e838174477eb18` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `follow_up_check` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `programme_id` int NOT NULL, `person_id` int NOT NULL, `checked_at` date NOT NULL, `kind` varchar(32) NOT NULL, `result` varchar(32) NOT NULL, INDEX `IDX_5534e99a41fc6d98ba5ac5b454` (`district_code`), INDEX `IDX_ce209827b278d97647e00724c5` (`person_id`, `result`, `checked_at`), INDEX `IDX_f32467eac621764e7d826e64ac` (`programme_id`, `checked_at`), UNIQUE INDEX `IDX_ecf7eb4298771af96522c78aa6` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `drug_case` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `case_number` varchar(40) NOT NULL, `case_type` varchar(32) NOT NULL, `filed_at` date NOT NULL, `solved_at` date NULL, `is_target_case` tinyint NOT NULL DEFAULT 0, `manufacturing_sites_destroyed` int NOT NULL DEFAULT '0', INDEX `IDX_1694aa61c73412cc4cdd121531` (`district_code`), INDEX `IDX_f0161dec5d80f05ebdf012d38c` (`district_code`, `solved_at`), INDEX `IDX_e7abbc8c722925be5a3c1d8509` (`district_code`, `filed_at`), UNIQUE INDEX `IDX_68e09ef4714ae90f4d5b092d1f` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `case_suspect` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `case_id` int NOT NULL, `person_id` int NOT NULL, `role` varchar(32) NOT NULL, `arrested_at` date NULL, `arrest_province_code` varchar(6) NULL, `is_fugitive` tinyint NOT NULL DEFAULT 0, INDEX `IDX_0f0f243bfa8a3c38db73bc324e` (`district_code`), INDEX `IDX_21adf562d5d47ad1a2205d8dab` (`case_id`), INDEX `IDX_ce654062f76ed82e1443ed31be` (`person_id`), INDEX `IDX_a16246a683e7927ac5342a9a64` (`district_code`, `arrested_at`), UNIQUE INDEX `IDX_5a5347a0e3ce57f367fee62c03` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `drug_use_detection` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `person_id` int NOT NULL, `detected_at` date NOT NULL, `substance` varchar(32) NOT NULL, `method` varchar(32) NOT NULL, `disposition` varchar(32) NOT NULL, INDEX `IDX_3e7e81f7e4e15e69858d577c89` (`district_code`), INDEX `IDX_0f1f749f3bf6f305a0c23fd026` (`district_code`, `detected_at`), INDEX `IDX_7c81ba8feae4953d0d6b0267af` (`person_id`, `detected_at`), UNIQUE INDEX `IDX_ebe6a9c0adf359d59793814002` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `heroin_equivalent_factor` (`table_name` varchar(32) NOT NULL, `substance` varchar(40) NOT NULL, `factor` decimal(8,4) NOT NULL, `basis` varchar(200) NOT NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`table_name`, `substance`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `precursor_permit` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `kind` varchar(32) NOT NULL, `issued_at` date NOT NULL, `chemical` varchar(60) NOT NULL, `quantity_kg` decimal(14,3) NOT NULL, INDEX `IDX_b3b0d1800be4e207139698abf6` (`district_code`), INDEX `IDX_9106fcaf125dd9c2a659f115e4` (`district_code`, `issued_at`), UNIQUE INDEX `IDX_5a08cc9893651cbd9e213efd6f` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `risk_assessment` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `person_id` int NOT NULL, `assessed_at` date NOT NULL, `risk_colour` varchar(32) NOT NULL, `control_colour` varchar(32) NOT NULL, INDEX `IDX_dc778f71471fe254bd407b5a37` (`district_code`), INDEX `IDX_890c04857fb89f7cca8ef3ddb8` (`person_id`, `assessed_at`), UNIQUE INDEX `IDX_adf2d099fd6a956503fef9b5bd` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `seizure` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `case_id` int NOT NULL, `kind` varchar(32) NOT NULL, `substance` varchar(40) NOT NULL, `seized_at` date NOT NULL, `quantity_grams` decimal(16,3) NULL, `quantity_kg` decimal(16,3) NULL, INDEX `IDX_a5b5fe9ad86513de5538990e7a` (`district_code`), INDEX `IDX_78f4d852157874f97e44c7a1ac` (`case_id`), INDEX `IDX_206b78925443cacc119340c824` (`district_code`, `seized_at`), UNIQUE INDEX `IDX_456b16133f76a0f6ef72516f0c` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wastewater_sample` (`id` int NOT NULL AUTO_INCREMENT, `source_key` varchar(64) NOT NULL, `district_code` varchar(12) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `site` varchar(80) NOT NULL, `sampled_at` date NOT NULL, `substance` varchar(32) NOT NULL, `concentration_ng_per_l` decimal(12,3) NOT NULL, `flow_m3_per_day` decimal(12,1) NOT NULL, `population_served` int NOT NULL, INDEX `IDX_fb6440464310616d17944de8ee` (`district_code`), INDEX `IDX_d2641f69ef51c25404b808130f` (`district_code`, `sampled_at`), UNIQUE INDEX `IDX_e8af55913e0e3d0ef34212b33e` (`source_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `employment_assistance` ADD CONSTRAINT `FK_4ba857cbb3568d6b0323be1a3b8` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `rehab_programme` ADD CONSTRAINT `FK_6b81e0b80c7e0582a9d4c763314` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `rehab_programme` ADD CONSTRAINT `FK_a46fd2585ccfec4a24f4b0cb3ad` FOREIGN KEY (`caseworker_id`) REFERENCES `caseworker`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `rehab_programme` ADD CONSTRAINT `FK_4b01928ff9b6ce72d10e8433554` FOREIGN KEY (`centre_id`) REFERENCES `rehab_centre`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `follow_up_check` ADD CONSTRAINT `FK_dcb680e8c60d2bf6e5eff7d4b69` FOREIGN KEY (`programme_id`) REFERENCES `rehab_programme`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `follow_up_check` ADD CONSTRAINT `FK_4ca8f796cc295f0f763fa79917f` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `case_suspect` ADD CONSTRAINT `FK_21adf562d5d47ad1a2205d8dab5` FOREIGN KEY (`case_id`) REFERENCES `drug_case`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `case_suspect` ADD CONSTRAINT `FK_ce654062f76ed82e1443ed31be9` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `drug_use_detection` ADD CONSTRAINT `FK_125aead79f26f82bd65db5f187c` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `risk_assessment` ADD CONSTRAINT `FK_302bfdec9ab261fa9c62c39364a` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `seizure` ADD CONSTRAINT `FK_78f4d852157874f97e44c7a1aca` FOREIGN KEY (`case_id`) REFERENCES `drug_case`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `seizure` DROP FOREIGN KEY `FK_78f4d852157874f97e44c7a1aca`");
    await queryRunner.query("ALTER TABLE `risk_assessment` DROP FOREIGN KEY `FK_302bfdec9ab261fa9c62c39364a`");
    await queryRunner.query("ALTER TABLE `drug_use_detection` DROP FOREIGN KEY `FK_125aead79f26f82bd65db5f187c`");
    await queryRunner.query("ALTER TABLE `case_suspect` DROP FOREIGN KEY `FK_ce654062f76ed82e1443ed31be9`");
    await queryRunner.query("ALTER TABLE `case_suspect` DROP FOREIGN KEY `FK_21adf562d5d47ad1a2205d8dab5`");
    await queryRunner.query("ALTER TABLE `follow_up_check` DROP FOREIGN KEY `FK_4ca8f796cc295f0f763fa79917f`");
    await queryRunner.query("ALTER TABLE `follow_up_check` DROP FOREIGN KEY `FK_dcb680e8c60d2bf6e5eff7d4b69`");
    await queryRunner.query("ALTER TABLE `rehab_programme` DROP FOREIGN KEY `FK_4b01928ff9b6ce72d10e8433554`");
    await queryRunner.query("ALTER TABLE `rehab_programme` DROP FOREIGN KEY `FK_a46fd2585ccfec4a24f4b0cb3ad`");
    await queryRunner.query("ALTER TABLE `rehab_programme` DROP FOREIGN KEY `FK_6b81e0b80c7e0582a9d4c763314`");
    await queryRunner.query("ALTER TABLE `employment_assistance` DROP FOREIGN KEY `FK_4ba857cbb3568d6b0323be1a3b8`");
    await queryRunner.query("DROP INDEX `IDX_e8af55913e0e3d0ef34212b33e` ON `wastewater_sample`");
    await queryRunner.query("DROP INDEX `IDX_d2641f69ef51c25404b808130f` ON `wastewater_sample`");
    await queryRunner.query("DROP INDEX `IDX_fb6440464310616d17944de8ee` ON `wastewater_sample`");
    await queryRunner.query("DROP TABLE `wastewater_sample`");
    await queryRunner.query("DROP INDEX `IDX_456b16133f76a0f6ef72516f0c` ON `seizure`");
    await queryRunner.query("DROP INDEX `IDX_206b78925443cacc119340c824` ON `seizure`");
    await queryRunner.query("DROP INDEX `IDX_78f4d852157874f97e44c7a1ac` ON `seizure`");
    await queryRunner.query("DROP INDEX `IDX_a5b5fe9ad86513de5538990e7a` ON `seizure`");
    await queryRunner.query("DROP TABLE `seizure`");
    await queryRunner.query("DROP INDEX `IDX_adf2d099fd6a956503fef9b5bd` ON `risk_assessment`");
    await queryRunner.query("DROP INDEX `IDX_890c04857fb89f7cca8ef3ddb8` ON `risk_assessment`");
    await queryRunner.query("DROP INDEX `IDX_dc778f71471fe254bd407b5a37` ON `risk_assessment`");
    await queryRunner.query("DROP TABLE `risk_assessment`");
    await queryRunner.query("DROP INDEX `IDX_5a08cc9893651cbd9e213efd6f` ON `precursor_permit`");
    await queryRunner.query("DROP INDEX `IDX_9106fcaf125dd9c2a659f115e4` ON `precursor_permit`");
    await queryRunner.query("DROP INDEX `IDX_b3b0d1800be4e207139698abf6` ON `precursor_permit`");
    await queryRunner.query("DROP TABLE `precursor_permit`");
    await queryRunner.query("DROP TABLE `heroin_equivalent_factor`");
    await queryRunner.query("DROP INDEX `IDX_ebe6a9c0adf359d59793814002` ON `drug_use_detection`");
    await queryRunner.query("DROP INDEX `IDX_7c81ba8feae4953d0d6b0267af` ON `drug_use_detection`");
    await queryRunner.query("DROP INDEX `IDX_0f1f749f3bf6f305a0c23fd026` ON `drug_use_detection`");
    await queryRunner.query("DROP INDEX `IDX_3e7e81f7e4e15e69858d577c89` ON `drug_use_detection`");
    await queryRunner.query("DROP TABLE `drug_use_detection`");
    await queryRunner.query("DROP INDEX `IDX_5a5347a0e3ce57f367fee62c03` ON `case_suspect`");
    await queryRunner.query("DROP INDEX `IDX_a16246a683e7927ac5342a9a64` ON `case_suspect`");
    await queryRunner.query("DROP INDEX `IDX_ce654062f76ed82e1443ed31be` ON `case_suspect`");
    await queryRunner.query("DROP INDEX `IDX_21adf562d5d47ad1a2205d8dab` ON `case_suspect`");
    await queryRunner.query("DROP INDEX `IDX_0f0f243bfa8a3c38db73bc324e` ON `case_suspect`");
    await queryRunner.query("DROP TABLE `case_suspect`");
    await queryRunner.query("DROP INDEX `IDX_68e09ef4714ae90f4d5b092d1f` ON `drug_case`");
    await queryRunner.query("DROP INDEX `IDX_e7abbc8c722925be5a3c1d8509` ON `drug_case`");
    await queryRunner.query("DROP INDEX `IDX_f0161dec5d80f05ebdf012d38c` ON `drug_case`");
    await queryRunner.query("DROP INDEX `IDX_1694aa61c73412cc4cdd121531` ON `drug_case`");
    await queryRunner.query("DROP TABLE `drug_case`");
    await queryRunner.query("DROP INDEX `IDX_ecf7eb4298771af96522c78aa6` ON `follow_up_check`");
    await queryRunner.query("DROP INDEX `IDX_f32467eac621764e7d826e64ac` ON `follow_up_check`");
    await queryRunner.query("DROP INDEX `IDX_ce209827b278d97647e00724c5` ON `follow_up_check`");
    await queryRunner.query("DROP INDEX `IDX_5534e99a41fc6d98ba5ac5b454` ON `follow_up_check`");
    await queryRunner.query("DROP TABLE `follow_up_check`");
    await queryRunner.query("DROP INDEX `IDX_142396d58d61e838174477eb18` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_66a54d39bf4494e3d0dc2f45c1` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_3a31b32577995ae196ffbc2cdf` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_2e00b562673854e5cebb196a4d` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_3c277ec6fc42133cf195ce6327` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_4b01928ff9b6ce72d10e843355` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_a46fd2585ccfec4a24f4b0cb3a` ON `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_df054a4225e4b0a7a31b738ab4` ON `rehab_programme`");
    await queryRunner.query("DROP TABLE `rehab_programme`");
    await queryRunner.query("DROP INDEX `IDX_a721e3cad7f07e7cffbb71b367` ON `rehab_centre`");
    await queryRunner.query("DROP INDEX `IDX_889654108dc113487452764384` ON `rehab_centre`");
    await queryRunner.query("DROP TABLE `rehab_centre`");
    await queryRunner.query("DROP INDEX `IDX_3dc30ed7e9cd2fd7d11cd6eb62` ON `caseworker`");
    await queryRunner.query("DROP INDEX `IDX_8d7d18650c61a6c8054f28fa34` ON `caseworker`");
    await queryRunner.query("DROP TABLE `caseworker`");
    await queryRunner.query("DROP INDEX `IDX_9e01f38f308e45d15962e5cf67` ON `employment_assistance`");
    await queryRunner.query("DROP INDEX `IDX_07d4a99d300a4924d821ee7244` ON `employment_assistance`");
    await queryRunner.query("DROP INDEX `IDX_6fdf008bf6c783d00da0e1e070` ON `employment_assistance`");
    await queryRunner.query("DROP INDEX `IDX_9d6848b14f4c3b040938987705` ON `employment_assistance`");
    await queryRunner.query("DROP TABLE `employment_assistance`");
    await queryRunner.query("DROP INDEX `IDX_73cff2575bbb056e9773c43e4c` ON `person`");
    await queryRunner.query("DROP INDEX `IDX_e229401c006b7057281b91ef86` ON `person`");
    await queryRunner.query("DROP INDEX `IDX_c843e8f63cef41396a75b0bb7d` ON `person`");
    await queryRunner.query("DROP TABLE `person`");
    await queryRunner.query("DROP INDEX `IDX_4db8071c068b6393a18174a430` ON `district`");
    await queryRunner.query("DROP TABLE `district`");
  }
}
