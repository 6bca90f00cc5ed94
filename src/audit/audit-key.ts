import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The key of the audit chain's HMAC. It is never stored in the database: whoever holds the database
// alone cannot recompute hashes after editing events. Production reads it from AUDIT_HMAC_KEY or a key
// file (AUDIT_KEY_FILE); development and tests use a published development key (not a secret).
export const DEV_AUDIT_KEY = Buffer.from('jindu-graph development audit key: not a secret, never for production');
export const LEGACY_KEY_ID = 'sha256';
const MIN_KEY_BYTES = 32;

export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

let current: { key: Buffer; id: string } = { key: DEV_AUDIT_KEY, id: keyIdOf(DEV_AUDIT_KEY) };

export function configureAuditKey(key: Buffer): void {
  current = { key, id: keyIdOf(key) };
}

export const auditKeyId = () => current.id;

export function auditMac(text: string): string {
  return createHmac('sha256', current.key).update(text).digest('hex');
}

// AUDIT_HMAC_KEY (at least 32 bytes, several distinct characters) or AUDIT_KEY_FILE (its bytes); in
// production one of them is required, elsewhere the development key applies.
export function loadAuditKey(env: NodeJS.ProcessEnv, production: boolean): Buffer {
  let key: Buffer | null = null;
  if (env.AUDIT_KEY_FILE) {
    try {
      key = readFileSync(env.AUDIT_KEY_FILE);
    } catch {
      throw new Error('AUDIT_KEY_FILE: cannot be read');
    }
  } else if (env.AUDIT_HMAC_KEY) {
    key = Buffer.from(env.AUDIT_HMAC_KEY);
  }
  if (!key) {
    if (production) throw new Error('AUDIT_HMAC_KEY or AUDIT_KEY_FILE is required in production (the audit chain key, kept outside the database)');
    return DEV_AUDIT_KEY;
  }
  if (key.length < MIN_KEY_BYTES || new Set(key).size < 8) throw new Error(`the audit key must have at least ${MIN_KEY_BYTES} bytes and not repeat a few characters`);
  if (production && key.equals(DEV_AUDIT_KEY)) throw new Error('the development audit key cannot be used in production');
  return key;
}
