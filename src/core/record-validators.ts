// Custom class-validator decorators for department inputs, and the mapping of class-validator's
// errors to the reasons a rejected row carries ({ field, rule, message }). Messages never echo the
// value: it may be personal data (an ID number, a name).
import { registerDecorator, ValidationArguments, ValidationError, ValidationOptions } from 'class-validator';
import { validateIdNumber } from '../common/id-number';

export interface Reason {
  field: string;
  rule: string;
  message: string;
}

// What some rules need besides the row: the districts the service knows and today's date. It rides on
// the validated object under a symbol, so class-validator's own traversal never sees it.
export const VALIDATION_ENV = Symbol('ingestValidationEnv');
export interface ValidationEnv {
  districts: ReadonlySet<string>;
  today: string; // YYYY-MM-DD, local calendar day
}

function env(args: ValidationArguments): ValidationEnv {
  return (args.object as { [VALIDATION_ENV]: ValidationEnv })[VALIDATION_ENV];
}

export const absent = (v: unknown) => v === undefined || v === null;

export function localToday(now = new Date()): string {
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

// A real calendar day written YYYY-MM-DD. Days repeat a lot in a file: answers are remembered (bounded).
const dayCache = new Map<string, boolean>();
export function isRealDay(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const known = dayCache.get(value);
  if (known !== undefined) return known;
  let ok = false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    ok = y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }
  if (dayCache.size >= 50_000) dayCache.clear();
  dayCache.set(value, ok);
  return ok;
}

export function rule(name: string, message: string, test: (value: unknown, args: ValidationArguments) => boolean, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options: { message, ...options }, validator: { validate: test } });
}

// 1-64 printable ASCII characters without spaces: the department's own record id.
export const IsSourceKey = () => rule('SOURCE_KEY', '1-64 printable ASCII characters without spaces', (v) => typeof v === 'string' && /^[\x21-\x7e]{1,64}$/.test(v));

// GB 11643: 18 characters with a valid check character, or a legacy 15-digit number.
export const IsIdNumber = () => rule('ID_NUMBER', 'not a valid resident identity number (GB 11643)', (v) => typeof v === 'string' && validateIdNumber(v).ok);

export const IsRealDay = () => rule('DATE', 'not a real calendar day YYYY-MM-DD', (v) => absent(v) || isRealDay(v));

export const NotInFuture = () => rule('FUTURE_DATE', 'lies in the future', (v, args) => !isRealDay(v) || v <= env(args).today);

// This day is not before another field's day (both present and real; otherwise other rules speak).
export const NotBefore = (other: string) =>
  rule('DATE_ORDER', `is before ${other}`, (v, args) => {
    const o = (args.object as Record<string, unknown>)[other];
    return !isRealDay(v) || !isRealDay(o) || v >= o;
  });

// 6-digit GB/T 2260 code (9 or 12 digits for townships and below).
export const IsDistrictCode = () => rule('DISTRICT_CODE', 'not a GB/T 2260 district code (6 digits)', (v) => absent(v) || (typeof v === 'string' && /^\d{6}(\d{3}){0,2}$/.test(v)));

// A district of the service's district table (record districts must be known; residences need not be).
export const IsKnownDistrict = () =>
  rule('UNKNOWN_DISTRICT', 'is not a district of the district table', (v, args) => absent(v) || typeof v !== 'string' || !/^\d{6}(\d{3}){0,2}$/.test(v) || env(args).districts.has(v));

// A residence or household code may lie anywhere in China; one inside Ningxia (64...) must name a
// district of the table (its first 6 digits, for a township or village code), as a record's district must.
export const IsKnownIfInNingxia = () =>
  rule('UNKNOWN_DISTRICT', 'is a Ningxia code (64...) that is not a district of the district table', (v, args) =>
    typeof v !== 'string' || !/^64\d{4}(\d{3}){0,2}$/.test(v) || env(args).districts.has(v.slice(0, 6)));

// The provinces, autonomous regions, municipalities and special administrative regions of GB/T 2260.
const PROVINCE_PREFIXES = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '));

// A 6-digit province code, e.g. 640000 (arrest province), of a province that exists.
export const IsProvinceCode = () =>
  rule('PROVINCE_CODE', 'not a province code (6 digits ending in 0000, of a province of GB/T 2260)', (v) => absent(v) || (typeof v === 'string' && /^\d{2}0000$/.test(v) && PROVINCE_PREFIXES.has(v.slice(0, 2))));

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
export const NoControlCharacters = () => rule('CONTROL_CHARACTERS', 'contains control characters', (v) => typeof v !== 'string' || !CONTROL.test(v));

// U+FFFD is what a decoder makes of bytes that are not in the file's encoding.
export const NoReplacementCharacter = () =>
  rule('ENCODING', 'contains bytes that are not valid in the file encoding (U+FFFD); give --encoding gb18030 for GB18030 files', (v) => typeof v !== 'string' || !v.includes('\ufffd'));

// Required when `when(object)` holds; forbidden otherwise (units as named: grams for drugs, kg otherwise).
export const RequiredWhen = (when: (o: Record<string, unknown>) => boolean, message: string) =>
  rule('UNIT', message, (v, args) => (when(args.object as Record<string, unknown>) ? !absent(v) : absent(v)));

// class-validator constraint names -> our rule names
const RULES: Record<string, string> = {
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  isString: 'TYPE',
  isInt: 'INTEGER',
  isNumber: 'NUMBER',
  isBoolean: 'BOOLEAN',
  isEnum: 'ENUM',
  isIn: 'ENUM',
  min: 'MIN',
  max: 'MAX',
  maxLength: 'MAX_LENGTH',
  minLength: 'MIN_LENGTH',
  whitelistValidation: 'UNKNOWN_FIELD',
  unknownValue: 'UNKNOWN_FIELD',
};

// One reason per failed constraint; a missing required field gives REQUIRED only; an invalid ID
// number names the GB 11643 rule it broke (ID_NUMBER_CHECK_CHARACTER, ID_NUMBER_BIRTH_DATE, ...).
export function reasonsOf(errors: ValidationError[], object: Record<string, unknown>): Reason[] {
  const out: Reason[] = [];
  for (const e of errors) {
    const constraints = Object.entries(e.constraints ?? {});
    const required = constraints.find(([k]) => k === 'isDefined' || k === 'isNotEmpty');
    for (const [key, message] of required ? [required] : constraints) {
      let name = RULES[key] ?? key;
      let text = message;
      if (name === 'ID_NUMBER' && typeof object[e.property] === 'string') {
        const r = validateIdNumber(object[e.property] as string);
        if (!r.ok) {
          name = `ID_NUMBER_${r.rule}`;
          text = r.message;
        }
      }
      out.push({ field: e.property, rule: name, message: text });
    }
  }
  return out;
}
