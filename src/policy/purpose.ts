import { domainError } from '../common/errors';

export const PURPOSE_HEADER = 'X-Access-Purpose';
export const MAX_PURPOSE_LENGTH = 200;

// The purpose of a read (a case reference or a reason), 1 to 200 characters; absent -> null.
// Percent-encoding is accepted so that Chinese text can travel in an HTTP header.
export function readPurpose(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  let value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    // not percent-encoded: take it as sent
  }
  value = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!value) return null;
  if ([...value].length > MAX_PURPOSE_LENGTH) {
    throw domainError('BAD_USER_INPUT', `${PURPOSE_HEADER}: at most ${MAX_PURPOSE_LENGTH} characters`, { http: { status: 400 } });
  }
  return value;
}

export function requirePurpose(purpose: string | null): string {
  if (!purpose) {
    // refused before execution: HTTP 403 and no data at all
    throw domainError('FORBIDDEN', `Reading person-level data needs the ${PURPOSE_HEADER} header (a case reference or reason, 1-${MAX_PURPOSE_LENGTH} characters)`, {
      rule: 'PURPOSE_REQUIRED',
      http: { status: 403 },
    });
  }
  return purpose;
}
