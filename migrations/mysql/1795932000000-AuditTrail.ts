import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class AuditTrail1795932000000 implements MigrationInterface {
  name = 'AuditTrail1795932000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_event` (`seq` bigint NOT NULL, `occurred_at` varchar(24) NOT NULL, `subject_sub` varchar(100) NOT NULL, `subject_role` varchar(32) NOT NULL, `subject_district` varchar(12) NOT NULL, `operation_name` varchar(100) NULL, `document_hash` varchar(64) NOT NULL, `variables` text NOT NULL, `purpose` varchar(200) NULL, `outcome` varchar(32) NOT NULL, `person_count` int NOT NULL, `person_ids` text NOT NULL, `prev_hash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_806add0204f192a9f867d0515c` (`occurred_at`), INDEX `IDX_78b0534d66404cdc3e87415e95` (`subject_sub`, `occurred_at`), PRIMARY KEY (`seq`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_event_person` (`seq` bigint NOT NULL, `person_id` int NOT NULL, INDEX `IDX_3b08ead5c0af4de5d750f9530b` (`person_id`, `seq`), PRIMARY KEY (`seq`, `person_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_chain_head` (`id` int NOT NULL, `seq` bigint NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    // the chain starts at the genesis hash (hand-added)
    await queryRunner.query("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM audit_chain_head');
    await queryRunner.query("DROP TABLE `audit_chain_head`");
    await queryRunner.query("DROP INDEX `IDX_3b08ead5c0af4de5d750f9530b` ON `audit_event_person`");
    await queryRunner.query("DROP TABLE `audit_event_person`");
    await queryRunner.query("DROP INDEX `IDX_78b0534d66404cdc3e87415e95` ON `audit_event`");
    await queryRunner.query("DROP INDEX `IDX_806add0204f192a9f867d0515c` ON `audit_event`");
    await queryRunner.query("DROP TABLE `audit_event`");
  }
}
