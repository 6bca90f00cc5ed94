import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// docs/ERROR-CODES.md lists every extensions.code a client can receive: each code the service's
// code raises (domainError('X'), code: 'X', the ErrorCode union, the codes passed on from Apollo)
// has a row, and every row is a code the service can raise.
const ROOT = join(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function codesRaisedIn(text: string): string[] {
  const found = new Set<string>();
  const patterns = [/domainError\(\s*'([A-Z][A-Z_]+)'/g, /\bcode:\s*'([A-Z][A-Z_]+)'/g];
  // the ErrorCode union of src/common/errors.ts
  const union = /export type ErrorCode =([\s\S]*?);/.exec(text)?.[1] ?? '';
  for (const [, code] of union.matchAll(/'([A-Z][A-Z_]+)'/g)) found.add(code);
  for (const re of patterns) for (const [, code] of text.matchAll(re)) found.add(code);
  // the sets of codes formatError passes on (src/common/errors.ts)
  for (const [, body] of text.matchAll(/const (?:CLIENT_CODES|DOMAIN_CODES) = new Set(?:<string>)?\(\[([\s\S]*?)\]\)/g)) {
    for (const [, code] of body.matchAll(/'([A-Z][A-Z_]+)'/g)) found.add(code);
  }
  return [...found];
}

describe('docs/ERROR-CODES.md', () => {
  const table = /<!-- error-codes:start -->([\s\S]*?)<!-- error-codes:end -->/.exec(readFileSync(join(ROOT, 'docs', 'ERROR-CODES.md'), 'utf8'))?.[1] ?? '';
  const documented = new Map([...table.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map(([, code, status]) => [code, status.trim()]));
  const raised = new Set(sources(join(ROOT, 'src')).flatMap((f) => codesRaisedIn(readFileSync(f, 'utf8'))));

  it('has a row, with an HTTP status, for every code the service raises', () => {
    expect(raised.size).toBeGreaterThanOrEqual(8);
    const missing = [...raised].filter((c) => !documented.has(c)).sort();
    expect(missing).toEqual([]);
    for (const [code, status] of documented) expect([code, /^\d{3}( \/ \d{3})?$/.test(status)]).toEqual([code, true]);
  });

  it('lists no code the service cannot raise', () => {
    const apollo = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED'];
    const unknown = [...documented.keys()].filter((c) => !raised.has(c) && !apollo.includes(c)).sort();
    expect(unknown).toEqual([]);
  });
});
