import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_JWT_SECRET, signDevToken } from '../../src/policy/tokens';
import { Role } from '../../src/policy/viewer';

// Tokens signed with the development secret, as `npm run token` makes them.
export function tokenFor(role: Role | keyof typeof Role, district = '640000', ttl = '1h'): Promise<string> {
  return signDevToken({ role: role as Role, district, ttl }, { jwtSecret: DEV_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
}

// Headers for an HTTP request to /graphql as an administrator of the province, with a purpose.
export async function authHeaders(role: Role | keyof typeof Role = Role.ADMIN, district = '640000', purpose = 'automated test'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, district)}`, 'x-access-purpose': purpose };
}
