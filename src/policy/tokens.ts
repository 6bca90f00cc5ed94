import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { domainError } from '../common/errors';
import { Role, ROLES, Viewer } from './viewer';

export const DEV_JWT_SECRET = 'jindu-graph-development-secret-never-use-in-production';
export const DEFAULT_ISSUER = 'jindu-graph';
export const DEFAULT_AUDIENCE = 'jindu-graph';
export const MAX_TOKEN_AGE = '24h';

export interface AuthConfig {
  jwtSecret: string;
  jwksUrl: string | null;
  issuer: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<Omit<Viewer, 'purpose'>>;

// A token's district is a 6-digit GB/T 2260 code (province, city or county) the service knows.
export const TOKEN_DISTRICT = /^\d{6}$/;
export type KnownDistrict = (code: string) => boolean;

function claimsToViewer(payload: JWTPayload, isKnown: KnownDistrict): Omit<Viewer, 'purpose'> {
  const { sub, role, district, name } = payload as JWTPayload & { role?: unknown; district?: unknown; name?: unknown };
  if (typeof sub !== 'string' || !sub) throw new Error('sub');
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new Error('role');
  if (typeof district !== 'string' || !TOKEN_DISTRICT.test(district) || !isKnown(district)) throw new Error('district');
  return { sub, role: role as Role, district, name: typeof name === 'string' ? name : sub, ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}) };
}

// HS256 with the shared secret, or RS256 against a JWKS; expiry, issuer and audience always checked.
// The algorithm list is fixed, so `alg: none` and HS/RS confusion are refused by jose.
// isKnown: the districts of the loaded tree (src/server.ts); a token naming any other is not valid.
export function createTokenVerifier(config: AuthConfig, isKnown: KnownDistrict = () => true): TokenVerifier {
  // exp and iat are required and a token lives at most a day: no token is valid forever
  const options = { issuer: config.issuer, audience: config.audience, clockTolerance: 5, requiredClaims: ['exp', 'iat'], maxTokenAge: MAX_TOKEN_AGE };
  if (config.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    return async (token) => claimsToViewer((await jwtVerify(token, jwks, { ...options, algorithms: ['RS256'] })).payload, isKnown);
  }
  const key = new TextEncoder().encode(config.jwtSecret);
  return async (token) => claimsToViewer((await jwtVerify(token, key, { ...options, algorithms: ['HS256'] })).payload, isKnown);
}

// One message for every failure: which check failed is not the caller's business.
export async function authenticate(verify: TokenVerifier, header: string | undefined): Promise<Omit<Viewer, 'purpose'>> {
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header ?? '');
  if (!match) throw unauthenticated('Authorization: Bearer <token> is required');
  try {
    return await verify(match[1]);
  } catch (err) {
    const expired = err instanceof joseErrors.JWTExpired;
    throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid');
  }
}

function unauthenticated(message: string) {
  return domainError('UNAUTHENTICATED', message, { http: { status: 401 } });
}

export interface DevTokenInput {
  role: Role;
  district: string;
  name?: string;
  sub?: string;
  ttl?: string; // e.g. '8h', '15m'
}

export function signDevToken(input: DevTokenInput, config: Pick<AuthConfig, 'jwtSecret' | 'issuer' | 'audience'>): Promise<string> {
  return new SignJWT({ role: input.role, district: input.district, name: input.name ?? input.role.toLowerCase() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub ?? `dev-${input.role.toLowerCase()}-${input.district}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(input.ttl ?? '8h')
    .sign(new TextEncoder().encode(config.jwtSecret));
}
