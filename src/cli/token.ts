// npm run token -- --role ROLE --district CODE [--name NAME] [--ttl 8h]: prints a development token
// signed with AUTH_JWT_SECRET (or the development secret).
import { parseArgs } from 'node:util';
import { NINGXIA_DISTRICTS_2020 } from '../reference/ningxia-districts-2020';
import { signDevToken, TOKEN_DISTRICT } from '../policy/tokens';
import { Role, ROLES } from '../policy/viewer';
import { ConfigError, loadConfig } from '../config';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { role: { type: 'string' }, district: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string' }, sub: { type: 'string' } },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    fail(`token: ${(err as Error).message}`);
  }
  const role = values.role as Role;
  if (!ROLES.includes(role)) fail(`token: --role must be one of ${ROLES.join(', ')}`);
  // the districts the reference-data migration inserts: a token for any other would be refused
  const known = new Set(NINGXIA_DISTRICTS_2020.map(([code]) => code));
  if (!values.district || !TOKEN_DISTRICT.test(values.district) || !known.has(values.district)) {
    fail('token: --district must be the 6-digit GB/T 2260 code of a district of the province, e.g. 640000 or 640104');
  }
  const ttl = values.ttl ?? '8h';
  if (!/^\d+[smhd]$/.test(ttl)) fail('token: --ttl must look like 15m, 8h or 1d');
  const config = loadConfig();
  if (config.auth.jwksUrl) fail('token: AUTH_JWKS_URL is set; tokens then come from your identity provider');
  const token = await signDevToken({ role, district: values.district, name: values.name, sub: values.sub, ttl }, config.auth);
  process.stdout.write(`${token}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : String((err as Error).message)}\n`);
  process.exit(1);
});
