import { encode } from 'iconv-lite';
import { DataSource } from 'typeorm';
import { convertLegacyIdNumber, makeIdNumber } from '../src/common/id-number';
import { Department } from '../src/ingest/ingest.enums';
import { freshDatabase, testDatabases } from './helpers/databases';
import { dumpTables, importBytes } from './helpers/ingest';

// Valid people; the ID numbers are synthetic.
const ID_A = makeIdNumber('640104', '1985-03-02', 11);
const ID_B = makeIdNumber('640105', '1990-07-15', 22);
const ID_C = makeIdNumber('110105', '1970-01-01', 5);
const ID_D = makeIdNumber('640104', '1979-12-31', 8);
const LEGACY = '640104850302123'; // 15 digits: 1985-03-02, converted to 18 on the way in
const LEGACY_18 = convertLegacyIdNumber(LEGACY);
const BAD_CHECK = ID_A.slice(0, 17) + (ID_A[17] === '0' ? '1' : '0');
const HEADER = 'sourceKey,idNumber,name,residenceDistrictCode,householdDistrictCode,districtCode,detectedAt,substance,method,disposition';
const row = (over: Partial<Record<string, string>> = {}) => {
  const r: Record<string, string> = {
    sourceKey: 'D-1', idNumber: ID_A, name: '张三', residenceDistrictCode: '640104', householdDistrictCode: '640104', districtCode: '640104',
    detectedAt: '2022-03-01', substance: 'METHAMPHETAMINE', method: 'URINE', disposition: 'ADMINISTRATIVE_DETENTION', ...over,
  };
  return HEADER.split(',').map((h) => r[h]).join(',');
};

// Every kind of bad row we could think of, between good ones. Line numbers: header = 1.
const LINES: Array<[string, string | null, string?]> = [
  // [line text, expected rule (null = accepted), field]
  [row({ sourceKey: 'D-1' }), null],
  [row({ sourceKey: 'D-2', idNumber: ID_B, name: '李四', residenceDistrictCode: '640105', districtCode: '640105' }), null],
  [row({ sourceKey: 'D-3', idNumber: LEGACY, name: '王五' }), null], // 15-digit, accepted and converted
  [row({ sourceKey: 'D-4', idNumber: LEGACY_18, name: '王五' }), null], // the same person, 18-digit form
  [row({ sourceKey: 'D-5', idNumber: BAD_CHECK }), 'ID_NUMBER_CHECK_CHARACTER', 'idNumber'],
  [row({ sourceKey: 'D-6', idNumber: '64010419850302' }), 'ID_NUMBER_LENGTH', 'idNumber'],
  [row({ sourceKey: 'D-7', idNumber: '64010419850230001X' }), 'ID_NUMBER_BIRTH_DATE', 'idNumber'],
  [row({ sourceKey: 'D-8', detectedAt: '2022-02-30' }), 'DATE', 'detectedAt'],
  [row({ sourceKey: 'D-9', detectedAt: '2999-01-01' }), 'FUTURE_DATE', 'detectedAt'],
  [row({ sourceKey: 'D-10', detectedAt: '2022/01/05' }), 'DATE', 'detectedAt'],
  [row({ sourceKey: 'D-11', districtCode: '640999' }), 'UNKNOWN_DISTRICT', 'districtCode'],
  [row({ sourceKey: 'D-12', districtCode: 'ABC' }), 'DISTRICT_CODE', 'districtCode'],
  [row({ sourceKey: 'D-13', residenceDistrictCode: '1234' }), 'DISTRICT_CODE', 'residenceDistrictCode'],
  [row({ sourceKey: 'D-14', substance: 'SUGAR' }), 'ENUM', 'substance'],
  [row({ sourceKey: '' }), 'REQUIRED', 'sourceKey'],
  [row({ sourceKey: 'K'.repeat(65) }), 'SOURCE_KEY', 'sourceKey'],
  [row({ sourceKey: 'D-1', method: 'HAIR' }), null], // duplicate key in the file: the later row wins (UPDATED)
  [row({ sourceKey: 'D-18', name: '名'.repeat(51) }), 'MAX_LENGTH', 'name'],
  [row({ sourceKey: 'D-19', name: '张\u0007三' }), 'CONTROL_CHARACTERS', 'name'],
  ['D-20,' + ID_A + ',张三,640104', 'COLUMN_COUNT'], // truncated line
  [row({ sourceKey: 'D-21' }) + ',surplus,columns', 'COLUMN_COUNT'], // extra columns
  [row({ sourceKey: 'D-22', name: '' }), 'REQUIRED', 'name'],
  [row({ sourceKey: 'D-23', method: '' }), 'REQUIRED', 'method'],
  [row({ sourceKey: 'D-24', disposition: 'prison' }), 'ENUM', 'disposition'],
  [row({ sourceKey: 'D-25', idNumber: ID_C, residenceDistrictCode: '110105', name: '"赵,六"' }), null], // residence outside Ningxia; quoted comma
  [row({ sourceKey: 'D-26', idNumber: ID_D, name: '"引号""内"' }), null], // doubled quote inside a quoted field
  [row({ sourceKey: 'D-27', name: '"未闭合' }), 'CSV_SYNTAX'], // unclosed quote: only this line is lost to it
  [row({ sourceKey: 'D-28', name: '钱七' }), null], // read again after the broken line
  ['', null], // blank line: not a row
  [row({ sourceKey: 'D 30' }), 'SOURCE_KEY', 'sourceKey'],
  [row({ sourceKey: 'D-31', householdDistrictCode: '64' }), 'DISTRICT_CODE', 'householdDistrictCode'],
  [row({ sourceKey: 'D-32', idNumber: '' }), 'REQUIRED', 'idNumber'],
  [row({ sourceKey: 'D-33', residenceDistrictCode: '640999' }), 'UNKNOWN_DISTRICT', 'residenceDistrictCode'], // a Ningxia code not in the table
  [row({ sourceKey: 'D-34', householdDistrictCode: '649900' }), 'UNKNOWN_DISTRICT', 'householdDistrictCode'],
];

function badRowsFile(): Buffer {
  const text = `\ufeff${HEADER}\r\n${LINES.map(([l]) => l).join('\r\n')}\r\n`;
  // (a row in another encoding refuses the whole file: test/ingest-file-refusals.test.ts)
  return Buffer.from(text, 'utf8');
}

describe.each(testDatabases())('file imports on $name', ({ target }) => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await freshDatabase(target);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('validates every row on its own: counts add up, rejected rows are quarantined with row, field and rule', async () => {
    const rows = LINES.filter(([l]) => l !== '');
    const expectedRejected = rows.filter(([, rule]) => rule).length;
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(expectedRejected).toBeGreaterThanOrEqual(20);
    const s = await importBytes(ds, badRowsFile(), { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_USE_DETECTION' as never, source: 'bad-rows.csv', batchSize: 7 });
    expect(s).toMatchObject({ read: rows.length, rejected: expectedRejected, balanced: true, encoding: 'utf8' });
    expect(s.read).toBe(s.inserted + s.updated + s.unchanged + s.rejected);
    expect(s.updated).toBe(1); // the duplicate D-1
    expect(s.inserted).toBe(rows.length - expectedRejected - 1);

    const quarantined = await ds.query("SELECT source, source_row, record_kind, raw, reasons_json FROM rejected_record WHERE source = 'bad-rows.csv' ORDER BY source_row");
    expect(quarantined).toHaveLength(expectedRejected);
    let line = 1;
    const expected: Array<{ row: number; rule: string; field?: string }> = [];
    for (const [text, rule, field] of LINES) {
      line += 1;
      if (text && rule) expected.push({ row: line, rule, field });
    }
    const got = quarantined.map((q: any) => ({ row: Number(q.source_row), reasons: JSON.parse(q.reasons_json) }));
    for (const e of expected) {
      const q = got.find((g: any) => g.row === e.row);
      expect({ row: e.row, rules: q?.reasons.map((r: any) => r.rule) }).toEqual({ row: e.row, rules: expect.arrayContaining([e.rule]) });
      if (e.field) expect(q.reasons.find((r: any) => r.rule === e.rule).field).toBe(e.field);
    }
    // the raw row is kept as received, the bad check character included (for correction)
    expect(quarantined.find((q: any) => JSON.parse(q.reasons_json)[0].rule === 'ID_NUMBER_CHECK_CHARACTER').raw).toContain(BAD_CHECK);
    // no message repeats an ID number
    expect(quarantined.map((q: any) => q.reasons_json).join()).not.toMatch(/\d{15}/);
  });

  it('links a 15-digit ID number to the same person as its 18-digit form; later duplicates win', async () => {
    const persons = await ds.query('SELECT id, id_number, name, gender, birth_date FROM person ORDER BY id_number');
    const legacy = persons.filter((p: any) => p.id_number === LEGACY_18);
    expect(legacy).toHaveLength(1);
    expect(String(legacy[0].birth_date).slice(0, 10)).toBe('1985-03-02');
    const [d3, d4] = await ds.query("SELECT person_id FROM drug_use_detection WHERE source_key IN ('D-3', 'D-4') ORDER BY source_key");
    expect(d3.person_id).toBe(d4.person_id);
    const [d1] = await ds.query("SELECT method FROM drug_use_detection WHERE source_key = 'D-1'");
    expect(d1.method).toBe('HAIR');
    const names = await ds.query('SELECT id_number, name, residence_district_code FROM person WHERE id_number IN (?, ?, ?)', [ID_A, ID_C, ID_D]);
    expect(Object.fromEntries(names.map((p: any) => [p.id_number, [p.name, p.residence_district_code]]))).toEqual({
      [ID_A]: ['钱七', '640104'], // the department's latest version (it is the person's only department)
      [ID_C]: ['赵,六', '110105'], // residence outside Ningxia; comma inside a quoted field
      [ID_D]: ['引号"内', '640104'], // doubled quote inside a quoted field
    });
  });

  it('leaves the database exactly as it was when the same file is imported again', async () => {
    const before = await dumpTables(ds);
    const s = await importBytes(ds, badRowsFile(), { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_USE_DETECTION' as never, source: 'bad-rows.csv', batchSize: 1000 });
    expect(s.inserted).toBe(0);
    expect(s.balanced).toBe(true);
    expect(await dumpTables(ds)).toEqual(before);
  });

  it('detects a GB18030 file, and refuses it whole when told it is UTF-8 (ENCODING)', async () => {
    const text = `${HEADER}\n${row({ sourceKey: 'G-1', idNumber: ID_B, name: '周九', residenceDistrictCode: '640105', districtCode: '640105' })}\n`;
    const gb = encode(text, 'gb18030');
    const auto = await importBytes(ds, gb, { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_USE_DETECTION' as never, source: 'gb.csv' });
    expect(auto).toMatchObject({ encoding: 'gb18030', inserted: 1, rejected: 0 });
    const [v] = await ds.query("SELECT name FROM person_identity WHERE person_id = (SELECT person_id FROM drug_use_detection WHERE source_key = 'G-1')");
    expect(v.name).toBe('周九');
    const forced = importBytes(ds, gb, { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_USE_DETECTION' as never, source: 'gb-as-utf8.csv', encoding: 'utf8' });
    await expect(forced).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', rule: 'ENCODING' }, message: expect.stringMatching(/^line 2:/) });
    expect(await ds.query("SELECT id FROM rejected_record WHERE source = 'gb-as-utf8.csv'")).toEqual([]);
  });

  it('reads NDJSON with mixed kinds: references, units, date order, quantities, unknown kinds and fields', async () => {
    const lines = [
      { kind: 'drug-cases', sourceKey: 'C-1', caseNumber: 'A2022-1', caseType: 'TRAFFICKING', districtCode: '640104', filedAt: '2022-01-10', solvedAt: '2022-02-01' },
      { kind: 'DRUG_CASE', sourceKey: 'C-2', caseNumber: 'A2022-2', caseType: 'TRAFFICKING', districtCode: '640104', filedAt: '2022-03-10', solvedAt: '2022-02-01' },
      { recordKind: 'case-suspects', sourceKey: 'S-1', caseSourceKey: 'C-1', idNumber: ID_B, name: '李四', residenceDistrictCode: '640105', role: 'PRINCIPAL', arrestedAt: '2022-02-01', arrestProvinceCode: '530000', isFugitive: 'true' },
      { recordKind: 'case-suspects', sourceKey: 'S-2', caseSourceKey: 'C-404', idNumber: ID_B, name: '李四', residenceDistrictCode: '640105', role: 'PRINCIPAL' },
      // a seizure's own `kind` (DRUG) is an input field: the record kind goes in recordKind
      { recordKind: 'seizures', sourceKey: 'Z-1', caseSourceKey: 'C-1', kind: 'DRUG', colour: 'white', substance: 'HEROIN', seizedAt: '2022-02-01', quantityGrams: 10 },
      { recordKind: 'seizures', sourceKey: 'Z-2', caseSourceKey: 'C-1', kind: 'DRUG', substance: 'HEROIN', seizedAt: '2022-02-01', quantityGrams: -5 },
      { recordKind: 'seizures', sourceKey: 'Z-3', caseSourceKey: 'C-1', kind: 'DRUG', substance: 'HEROIN', seizedAt: '2022-02-01', quantityGrams: 12.5 },
      { kind: 'wastewater-samples', sourceKey: 'W-1', districtCode: '640104', site: '第一污水厂', sampledAt: '2022-05-01', substance: 'METHAMPHETAMINE', concentrationNgPerL: -1, flowM3PerDay: 1000, populationServed: 10000 },
      { kind: 'rehab-programmes', sourceKey: 'P-1' },
      { recordKind: 'parking-tickets', sourceKey: 'X-1' },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"kind": "drug-cases", broken json\n';
    const s = await importBytes(ds, text, { department: Department.PUBLIC_SECURITY, format: 'ndjson', source: 'mixed.ndjson', batchSize: 3 });
    expect(s).toMatchObject({ read: 11, inserted: 3, rejected: 8, balanced: true });
    const rules = (await ds.query("SELECT source_row, reasons_json FROM rejected_record WHERE source = 'mixed.ndjson' ORDER BY source_row")).map((q: any) => [
      Number(q.source_row), JSON.parse(q.reasons_json).map((r: any) => r.rule).sort().join('+'),
    ]);
    expect(rules).toEqual([[2, 'DATE_ORDER'], [4, 'UNKNOWN_REFERENCE'], [5, 'UNKNOWN_FIELD'], [6, 'MIN'], [8, 'MIN'], [9, 'DEPARTMENT'], [10, 'UNKNOWN_KIND'], [11, 'PARSE']]);
    const [suspect] = await ds.query("SELECT district_code, arrest_province_code, is_fugitive FROM case_suspect WHERE source_key = 'S-1'");
    expect(suspect).toMatchObject({ district_code: '640104', arrest_province_code: '530000' });
    expect(Number(suspect.is_fugitive)).toBe(1);
  });

  it('checks seizure units: grams for drugs, kilograms otherwise, never negative', async () => {
    const header = 'sourceKey,caseSourceKey,kind,substance,seizedAt,quantityGrams,quantityKg';
    const csv = [
      header,
      'Z-10,C-1,DRUG,HEROIN,2022-02-01,12.5,', // ok
      'Z-11,C-1,DRUG,HEROIN,2022-02-01,,3', // UNIT: kg for a drug
      'Z-12,C-1,PRECURSOR,麻黄碱,2022-02-01,,-2', // MIN
      'Z-13,C-1,PRECURSOR,麻黄碱,2022-02-01,,2.5', // ok
      'Z-14,C-1,DRUG,SUGAR,2022-02-01,1,', // ENUM: not a substance
      'Z-15,C-1,OTHER,笑气,2022-02-01,abc,', // NUMBER, UNIT
    ].join('\n');
    const s = await importBytes(ds, csv, { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'SEIZURE' as never, source: 'seizures.csv' });
    expect(s).toMatchObject({ read: 6, inserted: 2, rejected: 4 });
    const rules = (await ds.query("SELECT source_row, reasons_json FROM rejected_record WHERE source = 'seizures.csv' ORDER BY source_row")).map((q: any) =>
      JSON.parse(q.reasons_json).map((r: any) => `${r.field}:${r.rule}`).sort().join(' '),
    );
    expect(rules).toEqual(['quantityGrams:UNIT quantityKg:UNIT', 'quantityKg:MIN', 'substance:ENUM', 'quantityGrams:NUMBER quantityGrams:UNIT quantityKg:UNIT']);
  });

  it('refuses a CSV whose header names unknown columns before reading any row', async () => {
    await expect(importBytes(ds, 'sourceKey,colour\nA,red\n', { department: Department.PUBLIC_SECURITY, format: 'csv', kind: 'DRUG_CASE' as never })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
