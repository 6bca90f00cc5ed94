import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 17: an audit append is one INSERT of its events (src/audit/audit.service.ts). Inside that
// statement, and so atomically with it, the database moves the chain head and writes the person links
// (audit_event_person) from the event's own person list: neither can be missing for a stored event,
// nor exist for an event that was not stored. The head is moved BEFORE the row is inserted, so that
// every append takes the head row's lock first (one lock order: no deadlock between appenders).
// JSON_TABLE: MySQL 8.0.4+, MariaDB 10.6+. With binary logging on, creating a trigger needs SUPER
// (or log_bin_trust_function_creators): docs/AUDIT.md.
export class AuditAppendTriggers1796400000000 implements MigrationInterface {
  name = 'AuditAppendTriggers1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TRIGGER `audit_event_moves_head` BEFORE INSERT ON `audit_event` FOR EACH ROW ' +
        'UPDATE `audit_chain_head` SET `seq` = NEW.`seq`, `hash` = NEW.`hash` WHERE `id` = 1',
    );
    await queryRunner.query(
      'CREATE TRIGGER `audit_event_links_persons` AFTER INSERT ON `audit_event` FOR EACH ROW ' +
        'INSERT INTO `audit_event_person` (`seq`, `person_id`) SELECT NEW.`seq`, `p`.`person_id` ' +
        "FROM JSON_TABLE(CONCAT('[', NEW.`person_ids`, ']'), '$[*]' COLUMNS (`person_id` INT PATH '$')) AS `p`",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER `audit_event_links_persons`');
    await queryRunner.query('DROP TRIGGER `audit_event_moves_head`');
  }
}
