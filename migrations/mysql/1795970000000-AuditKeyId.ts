import { MigrationInterface, QueryRunner } from 'typeorm';

// The audit chain becomes keyed (HMAC): each event names the key that made its hash; the events
// written before keep 'sha256' (plain SHA-256, verified as before).
export class AuditKeyId1795970000000 implements MigrationInterface {
  name = 'AuditKeyId1795970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_event` ADD `key_id` varchar(16) NOT NULL DEFAULT 'sha256'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `audit_event` DROP COLUMN `key_id`');
  }
}
