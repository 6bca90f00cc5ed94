import { MigrationInterface, QueryRunner } from 'typeorm';

// Generated from the entities by src/cli/generate-migration.ts.
export class Prevention1796355819733 implements MigrationInterface {
  name = 'Prevention1796355819733';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"education_base\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"source_key\" varchar(64) NOT NULL, \"district_code\" varchar(12) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"name\" varchar(100) NOT NULL, \"opened_at\" date NOT NULL, \"closed_at\" date, CONSTRAINT \"UQ_764efd66f6ac54fa4c97660ebd4\" UNIQUE (\"source_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_bd88f6896362aa87272e08e0ed\" ON \"education_base\" (\"district_code\") ");
    await queryRunner.query("CREATE TABLE \"publicity_event\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"source_key\" varchar(64) NOT NULL, \"district_code\" varchar(12) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"title\" varchar(100) NOT NULL, \"kind\" varchar(32) NOT NULL, \"held_at\" date NOT NULL, \"participants\" integer NOT NULL, CONSTRAINT \"UQ_d5d1ba837e90c3f5b3019dcd3bc\" UNIQUE (\"source_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f8d69b35a21186208fd9bd09aa\" ON \"publicity_event\" (\"district_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_619e6a6c89d49e0b085aa9e029\" ON \"publicity_event\" (\"district_code\", \"held_at\") ");
    await queryRunner.query("CREATE TABLE \"school_session\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"source_key\" varchar(64) NOT NULL, \"district_code\" varchar(12) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"school\" varchar(100) NOT NULL, \"held_at\" date NOT NULL, \"students\" integer NOT NULL, \"quiz_taken\" integer, \"quiz_passed\" integer, CONSTRAINT \"UQ_6b23e9f1a4c0e319fc1689a70b1\" UNIQUE (\"source_key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_efe64ad8eba6fb116db9c354df\" ON \"school_session\" (\"district_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_464dde909f839f41cc9d7905b7\" ON \"school_session\" (\"district_code\", \"held_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_464dde909f839f41cc9d7905b7\"");
    await queryRunner.query("DROP INDEX \"IDX_efe64ad8eba6fb116db9c354df\"");
    await queryRunner.query("DROP TABLE \"school_session\"");
    await queryRunner.query("DROP INDEX \"IDX_619e6a6c89d49e0b085aa9e029\"");
    await queryRunner.query("DROP INDEX \"IDX_f8d69b35a21186208fd9bd09aa\"");
    await queryRunner.query("DROP TABLE \"publicity_event\"");
    await queryRunner.query("DROP INDEX \"IDX_bd88f6896362aa87272e08e0ed\"");
    await queryRunner.query("DROP TABLE \"education_base\"");
  }
}
