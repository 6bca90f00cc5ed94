import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 17: an audit append is one INSERT of its events (src/audit/audit.service.ts). Inside that
// statement, and so atomically with it, the database moves the chain head and writes the person links
// (audit_event_person) from the event's own person list: neither can be missing for a stored event,
// nor exist for an event that was not stored. A later migration that rebuilds audit_event (SQLite's
// temporary-table copy) drops these triggers and must create them again: the service refuses to
// append without them (src/audit/audit.service.ts), and test/migrations.test.ts checks them.
export class AuditAppendTriggers1796400000000 implements MigrationInterface {
  name = 'AuditAppendTriggers1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TRIGGER "audit_event_moves_head" AFTER INSERT ON "audit_event" FOR EACH ROW ' +
        'BEGIN UPDATE "audit_chain_head" SET "seq" = NEW."seq", "hash" = NEW."hash" WHERE "id" = 1; END',
    );
    await queryRunner.query(
      'CREATE TRIGGER "audit_event_links_persons" AFTER INSERT ON "audit_event" FOR EACH ROW ' +
        'BEGIN INSERT INTO "audit_event_person" ("seq", "person_id") SELECT NEW."seq", "value" ' +
        "FROM json_each('[' || NEW.\"person_ids\" || ']'); END",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "audit_event_links_persons"');
    await queryRunner.query('DROP TRIGGER "audit_event_moves_head"');
  }
}
