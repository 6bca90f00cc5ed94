// Chinese resident identity number utilities (GB 11643-1999). No dependencies.
// Error messages never echo the number itself: it is personal data.

export type IdNumberRule = 'LENGTH' | 'CHARACTER' | 'CHECK_CHARACTER' | 'BIRTH_DATE';

export class IdNumberError extends Error {
  constructor(readonly rule: IdNumberRule, message: string) {
    super(message);
    this.name = 'IdNumberError';
  }
}

export interface ParsedIdNumber {
  ok: true;
  idNumber: string; // always the 18-character form
  birthDate: string; // YYYY-MM-DD
  gender: 'MALE' | 'FEMALE';
  addressCode: string;
}

export interface IdNumberFailure {
  ok: false;
  rule: IdNumberRule;
  message: string;
}

export type IdNumberValidation = ParsedIdNumber | IdNumberFailure;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

// Trim ordinary and full-width (U+3000) whitespace, upper-case a trailing x. No validation.
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/x/g, 'X');
}

// Weighted sum of the 17 body digits, mod 11, mapped through "10X98765432".
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new IdNumberError('CHARACTER', 'Check character needs exactly 17 digits (GB 11643)');
  }
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17.charAt(i)), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

// 15-digit legacy numbers: insert century "19" before yyMMdd, then append the check character.
export function convertLegacyIdNumber(fifteen: string): string {
  const n = normaliseIdNumber(fifteen);
  if (n.length !== 15) throw new IdNumberError('LENGTH', 'Legacy ID number must have 15 characters');
  if (!/^\d{15}$/.test(n)) throw new IdNumberError('CHARACTER', 'Legacy ID number must be all digits');
  const first17 = n.slice(0, 6) + '19' + n.slice(6);
  return first17 + checkCharacter(first17);
}

// "YYYYMMDD" -> "YYYY-MM-DD" if it is a real calendar date, else null.
function toCalendarDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

// Local calendar date of `today` as YYYY-MM-DD (string order equals date order).
function isoLocalDate(today: Date): string {
  const pad = (v: number, w: number): string => String(v).padStart(w, '0');
  return `${pad(today.getFullYear(), 4)}-${pad(today.getMonth() + 1, 2)}-${pad(today.getDate(), 2)}`;
}

function fail(rule: IdNumberRule, message: string): IdNumberFailure {
  return { ok: false, rule, message };
}

// Rules in order: LENGTH, CHARACTER, BIRTH_DATE, CHECK_CHARACTER (18-digit only).
// Address codes are never checked: unknown codes are valid.
export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberValidation {
  const n = normaliseIdNumber(raw);
  if (n.length !== 15 && n.length !== 18) {
    return fail('LENGTH', 'ID number must have 15 or 18 characters (GB 11643)');
  }
  if (n.length === 15 ? !/^\d{15}$/.test(n) : !/^\d{17}[\dX]$/.test(n)) {
    return fail('CHARACTER', 'ID number contains invalid characters (GB 11643)');
  }
  const legacy = n.length === 15;
  const body = legacy ? n.slice(0, 6) + '19' + n.slice(6) : n.slice(0, 17);
  const birthDate = toCalendarDate(body.slice(6, 14));
  if (birthDate === null) return fail('BIRTH_DATE', 'ID number birth date is not a real calendar date');
  if (birthDate > isoLocalDate(today)) return fail('BIRTH_DATE', 'ID number birth date is in the future');
  if (birthDate < EARLIEST_BIRTH_DATE) return fail('BIRTH_DATE', 'ID number birth date is before 1900-01-01');
  const check = checkCharacter(body);
  if (!legacy && n[17] !== check) {
    return fail('CHECK_CHARACTER', 'ID number check character does not match (GB 11643)');
  }
  // 17th character of the 18-digit form (15th of the legacy form): odd = male, even = female.
  const gender = Number(body[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { ok: true, idNumber: body + check, birthDate, gender, addressCode: body.slice(0, 6) };
}

// As validateIdNumber, but throws IdNumberError on failure.
export function parseIdNumber(raw: string, today?: Date): ParsedIdNumber {
  const result = validateIdNumber(raw, today);
  if (!result.ok) throw new IdNumberError(result.rule, result.message);
  return result;
}

// Keep 6 leading and 4 trailing characters; anything too short to mask safely is fully starred.
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

// Build a valid 18-character number for synthetic data; the sequence's last digit sets gender.
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(addressCode)) throw new RangeError('addressCode must be 6 digits');
  const yyyymmdd = birthDate.replace(/-/g, '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || toCalendarDate(yyyymmdd) === null) {
    throw new RangeError('birthDate must be a real YYYY-MM-DD date');
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('sequence must be an integer 0..999');
  }
  const first17 = addressCode + yyyymmdd + String(sequence).padStart(3, '0');
  return first17 + checkCharacter(first17);
}
