import { QueryRunner } from 'typeorm';
import { HEROIN_EQUIVALENT_SPC2016, SPC2016_BASIS, SPC2016_TABLE } from './heroin-equivalent-spc2016';
import { NINGXIA_DISTRICTS_2020 } from './ningxia-districts-2020';

// Shared by the MySQL and SQLite reference-data migrations; plain SQL with ? placeholders works on both.
export async function insertReferenceData(queryRunner: QueryRunner): Promise<void> {
  for (const [code, name, pinyin, level, parent, population] of NINGXIA_DISTRICTS_2020) {
    await queryRunner.query(
      'INSERT INTO district (code, name, name_pinyin, level, parent_code, population) VALUES (?, ?, ?, ?, ?, ?)',
      [code, name, pinyin, level, parent, population],
    );
  }
  for (const [substance, factor] of HEROIN_EQUIVALENT_SPC2016) {
    await queryRunner.query(
      'INSERT INTO heroin_equivalent_factor (table_name, substance, factor, basis) VALUES (?, ?, ?, ?)',
      [SPC2016_TABLE, substance, factor, SPC2016_BASIS],
    );
  }
}

export async function deleteReferenceData(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DELETE FROM heroin_equivalent_factor WHERE table_name = ?', [SPC2016_TABLE]);
  const codes = NINGXIA_DISTRICTS_2020.map(([code]) => code);
  await queryRunner.query(`DELETE FROM district WHERE code IN (${codes.map(() => '?').join(', ')})`, codes);
}
