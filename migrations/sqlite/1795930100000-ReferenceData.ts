import { MigrationInterface, QueryRunner } from 'typeorm';
import { deleteReferenceData, insertReferenceData } from '../reference/insert-reference-data';

// Ningxia's districts and the default heroin-equivalent factors.
export class ReferenceData1795930100000 implements MigrationInterface {
  name = 'ReferenceData1795930100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await insertReferenceData(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await deleteReferenceData(queryRunner);
  }
}
