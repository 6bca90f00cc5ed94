import { badInput } from '../common/errors';

// GB/T 2260 codes: 6 digits (province, city, county) or 9 and 12 digits (township, village).
const DISTRICT_CODE = /^\d{6}(\d{3}){0,2}$/;

export function checkDistrictCode(code: string, argument = 'code'): string {
  const trimmed = code.trim();
  if (!DISTRICT_CODE.test(trimmed)) throw badInput(`${argument}: a district code has 6, 9 or 12 digits (GB/T 2260)`, argument);
  return trimmed;
}
