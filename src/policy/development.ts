import { Role, Viewer } from './viewer';

// Identities that exist in development only (the callers refuse them in production).
const PROVINCE = '640000';

// The operator a development import acts as (`npm run import -- --as NAME`).
export function developmentOperator(name: string, purpose: string | null): Viewer {
  return { sub: name.slice(0, 100), name, role: Role.ADMIN, district: PROVINCE, purpose };
}

// What the development explorer's prefilled token claims.
export const DEVELOPMENT_EXPLORER_CLAIMS = { role: Role.ADMIN, district: PROVINCE, name: 'explorer', ttl: '8h' } as const;
