import { domainError } from '../common/errors';
import { NINGXIA_DISTRICTS_2020 } from '../reference/ningxia-districts-2020';

// The one place a district code from a client is read (GraphQL arguments and filters through
// src/districts/district-inputs.ts, the report URLs through the report service): a 6-digit GB/T 2260
// code of the reference list, or a coded 400 before any SQL. The list is public (GB/T 2260), so
// refusing a code that is not on it tells nothing; a known code outside the caller's jurisdiction
// passes here and is answered by the access rules as before.
const SIX_DIGITS = /^\d{6}$/;
const KNOWN = new Set(NINGXIA_DISTRICTS_2020.map(([code]) => code));

export function parseDistrictCode(value: unknown, argument = 'code'): string {
  const text = typeof value === 'string' ? value : '';
  if (!SIX_DIGITS.test(text)) {
    throw domainError('BAD_USER_INPUT', `${argument}: a district code has 6 digits (GB/T 2260), e.g. 640104`, { argument, rule: 'DISTRICT_CODE', http: { status: 400 } });
  }
  if (!KNOWN.has(text)) {
    throw domainError('BAD_USER_INPUT', `${argument}: not a district of Ningxia (GB/T 2260 codes of 2020, e.g. 640000, 640100, 640104)`, {
      argument, rule: 'UNKNOWN_DISTRICT', http: { status: 400 },
    });
  }
  return text;
}

// The name the report service and the resolvers already use.
export const checkDistrictCode = (code: string, argument = 'code'): string => parseDistrictCode(code, argument);
