import {
  IdNumberError,
  checkCharacter,
  convertLegacyIdNumber,
  makeIdNumber,
  maskIdNumber,
  normaliseIdNumber,
  parseIdNumber,
  validateIdNumber,
} from '../src/common/id-number';

// Independent reimplementation of the GB 11643 checksum, so tests do not trust the module's own.
function referenceCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17.charAt(i)), 0);
  return '10X98765432'.charAt(sum % 11);
}

// 17 digits plus whatever character is correct for them.
function withCheck(first17: string): string {
  return first17 + referenceCheck(first17);
}

// A check character guaranteed to differ from the correct one.
function wrongCheck(first17: string): string {
  const right = referenceCheck(first17);
  return first17 + (right === '0' ? '1' : '0');
}

const FIXED_TODAY = new Date(2024, 5, 15); // 2024-06-15 local time
const PUBLISHED = '11010519491231002X';

describe('checkCharacter', () => {
  it('matches the published GB 11643 example', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('agrees with an independent implementation across varied inputs', () => {
    for (const body of ['64010419800101001', '64010419800101002', '99999920000229123', '00000019000101000']) {
      expect(checkCharacter(body)).toBe(referenceCheck(body));
    }
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => checkCharacter('1234')).toThrow(IdNumberError);
  });
});

describe('makeIdNumber', () => {
  it('builds an 18-character number whose check character verifies independently', () => {
    const id = makeIdNumber('640104', '1985-07-09', 37);
    expect(id).toHaveLength(18);
    expect(id.slice(0, 17)).toBe('64010419850709037');
    expect(id[17]).toBe(referenceCheck(id.slice(0, 17)));
    const parsed = parseIdNumber(id, FIXED_TODAY);
    expect(parsed).toEqual({
      ok: true,
      idNumber: id,
      birthDate: '1985-07-09',
      gender: 'MALE',
      addressCode: '640104',
    });
  });

  it('sets gender from the last sequence digit', () => {
    expect(parseIdNumber(makeIdNumber('640104', '1990-01-01', 1), FIXED_TODAY).gender).toBe('MALE');
    expect(parseIdNumber(makeIdNumber('640104', '1990-01-01', 10), FIXED_TODAY).gender).toBe('FEMALE');
  });

  it('rejects bad inputs', () => {
    expect(() => makeIdNumber('64010', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('640104', '1990-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('accepts the published example 11010519491231002X', () => {
    expect(validateIdNumber(PUBLISHED, FIXED_TODAY)).toEqual({
      ok: true,
      idNumber: PUBLISHED,
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      addressCode: '110105',
    });
  });

  it('rejects a wrong check character with CHECK_CHARACTER', () => {
    const result = validateIdNumber('110105194912310021', FIXED_TODAY);
    expect(result).toMatchObject({ ok: false, rule: 'CHECK_CHARACTER' });
    expect(validateIdNumber(wrongCheck('64010419850709037'), FIXED_TODAY)).toMatchObject({
      ok: false,
      rule: 'CHECK_CHARACTER',
    });
  });

  it.each([
    ['17 characters', PUBLISHED.slice(0, 17)],
    ['19 characters', PUBLISHED + '1'],
    ['empty', ''],
    ['16 characters', '1101051949123100'],
  ])('rejects %s with LENGTH', (_label, value) => {
    expect(validateIdNumber(value, FIXED_TODAY)).toMatchObject({ ok: false, rule: 'LENGTH' });
  });

  it.each([
    ['letter in the body', '11010519A91231002X'],
    ['letter other than X as check', '11010519491231002Y'],
    ['X inside the body', '1101051949123100X2'],
    ['letter in a 15-digit number', '11010549123100X'],
    ['punctuation', '110105-194912310-2'],
  ])('rejects %s with CHARACTER', (_label, value) => {
    expect(validateIdNumber(value, FIXED_TODAY)).toMatchObject({ ok: false, rule: 'CHARACTER' });
  });

  it('rejects 19990230 (not a calendar date) with BIRTH_DATE even when the check character is right', () => {
    const id = withCheck('11010519990230002');
    expect(validateIdNumber(id, FIXED_TODAY)).toMatchObject({ ok: false, rule: 'BIRTH_DATE' });
    expect(validateIdNumber(withCheck('11010519991301002'), FIXED_TODAY)).toMatchObject({
      ok: false,
      rule: 'BIRTH_DATE',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(validateIdNumber(withCheck('11010520000229002'), FIXED_TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });

  it('rejects a future birth date with BIRTH_DATE, but accepts today', () => {
    expect(validateIdNumber(withCheck('11010520240616002'), FIXED_TODAY)).toMatchObject({
      ok: false,
      rule: 'BIRTH_DATE',
    });
    expect(validateIdNumber(withCheck('11010520240615002'), FIXED_TODAY)).toMatchObject({
      ok: true,
      birthDate: '2024-06-15',
    });
  });

  it('rejects birth dates before 1900-01-01 with BIRTH_DATE', () => {
    expect(validateIdNumber(withCheck('11010518991231002'), FIXED_TODAY)).toMatchObject({
      ok: false,
      rule: 'BIRTH_DATE',
    });
    expect(validateIdNumber(withCheck('11010519000101002'), FIXED_TODAY).ok).toBe(true);
  });

  it('checks BIRTH_DATE before CHECK_CHARACTER', () => {
    expect(validateIdNumber(wrongCheck('11010519990230002'), FIXED_TODAY)).toMatchObject({
      ok: false,
      rule: 'BIRTH_DATE',
    });
  });

  it('normalises lower-case x and surrounding (including full-width) whitespace', () => {
    for (const raw of ['11010519491231002x', '  11010519491231002x\t', '\u300011010519491231002X\u3000\n']) {
      expect(validateIdNumber(raw, FIXED_TODAY)).toMatchObject({ ok: true, idNumber: PUBLISHED });
    }
  });

  it('converts a 15-digit legacy number to 18 digits', () => {
    expect(validateIdNumber('110105491231002', FIXED_TODAY)).toEqual({
      ok: true,
      idNumber: PUBLISHED,
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      addressCode: '110105',
    });
    expect(validateIdNumber('110105491231003', FIXED_TODAY)).toMatchObject({ ok: true, gender: 'MALE' });
    expect(validateIdNumber('110105490230002', FIXED_TODAY)).toMatchObject({ ok: false, rule: 'BIRTH_DATE' });
  });

  it('derives gender from the 17th character', () => {
    expect(validateIdNumber(withCheck('64010419800101001'), FIXED_TODAY)).toMatchObject({ ok: true, gender: 'MALE' });
    expect(validateIdNumber(withCheck('64010419800101008'), FIXED_TODAY)).toMatchObject({ ok: true, gender: 'FEMALE' });
    expect(validateIdNumber(withCheck('64010419800101019'), FIXED_TODAY)).toMatchObject({ ok: true, gender: 'MALE' });
    expect(validateIdNumber(withCheck('64010419800101090'), FIXED_TODAY)).toMatchObject({ ok: true, gender: 'FEMALE' });
  });

  it('accepts an unknown address code (999999)', () => {
    const id = withCheck('99999919800101001');
    expect(validateIdNumber(id, FIXED_TODAY)).toMatchObject({ ok: true, addressCode: '999999' });
    expect(validateIdNumber(makeIdNumber('000000', '1980-01-01', 1), FIXED_TODAY).ok).toBe(true);
  });

  it('defaults today to the current date', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(validateIdNumber(withCheck(`110105${nextYear}0101002`))).toMatchObject({ ok: false, rule: 'BIRTH_DATE' });
    expect(validateIdNumber(PUBLISHED).ok).toBe(true);
  });
});

describe('error messages never contain the ID number', () => {
  const failing: Array<[string, string]> = [
    ['CHECK_CHARACTER', '110105194912310021'],
    ['LENGTH', '1101051949123100211'],
    ['CHARACTER', '11010519A91231002X'],
    ['BIRTH_DATE', withCheck('11010519990230002')],
    ['BIRTH_DATE', withCheck('11010520240616002')],
  ];

  it.each(failing)('%s failure message omits the number', (rule, raw) => {
    const result = validateIdNumber(raw, FIXED_TODAY);
    if (result.ok) throw new Error('expected a failure');
    expect(result.rule).toBe(rule);
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message).not.toContain(raw);
    expect(result.message).not.toContain(raw.slice(0, 10));
    expect(result.message).not.toContain(raw.slice(6, 14));

    let thrown: unknown;
    try {
      parseIdNumber(raw, FIXED_TODAY);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(IdNumberError);
    const err = thrown as IdNumberError;
    expect(err.rule).toBe(rule);
    expect(err.message).toBe(result.message);
    expect(err.message).not.toContain(raw);
    expect(String(err.stack)).not.toContain(raw);
  });

  it('uses the documented check-character message', () => {
    expect(() => parseIdNumber('110105194912310021', FIXED_TODAY)).toThrow(
      'ID number check character does not match (GB 11643)',
    );
  });
});

describe('normaliseIdNumber', () => {
  it('trims whitespace and upper-cases x without validating', () => {
    expect(normaliseIdNumber(' \u300011010519491231002x\u3000 ')).toBe(PUBLISHED);
    expect(normaliseIdNumber('  abc  ')).toBe('abc');
  });
});

describe('convertLegacyIdNumber', () => {
  it('converts 110105491231002 to 11010519491231002X', () => {
    expect(convertLegacyIdNumber('110105491231002')).toBe(PUBLISHED);
  });

  it('rejects non-15-digit input', () => {
    expect(() => convertLegacyIdNumber(PUBLISHED)).toThrow(expect.objectContaining({ rule: 'LENGTH' }));
    expect(() => convertLegacyIdNumber('11010549123100X')).toThrow(expect.objectContaining({ rule: 'CHARACTER' }));
  });
});

describe('maskIdNumber', () => {
  it('keeps 6 leading and 4 trailing characters with 8 stars for 18 characters', () => {
    expect(maskIdNumber(PUBLISHED)).toBe('110105********002X');
  });

  it('masks a 15-digit number with 5 stars', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });

  it('fully masks strings too short to keep both ends', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
  });
});
