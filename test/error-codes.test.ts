import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// docs/ERROR-CODES.md lists every error code a client can receive. The scan reads the codes the service
// raises wherever it raises them, so a code someone adds later (a new domainError, a code in an error
// body, a metrics label) shows up here as a missing row.
const ROOT = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const CODE = `'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'`;
// where a code is given to a client: domainError('X', ...), { code: 'X' }, code = 'X', codes.add('X')
// (metrics and logs), a key of a route's STATUS table, and the ErrorCode type and *_CODES sets of errors.ts
const RAISED = [
  new RegExp(`domainError\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode\\s*:\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode\\s*=\\s*${CODE}`, 'g'),
  new RegExp(`codes\\.add\\(\\s*${CODE}`, 'g'),
  new RegExp(`new GraphQLError\\([^;]*?code\\s*:\\s*${CODE}`, 'g'),
];
const LISTS = [/export type ErrorCode\s*=([^;]*);/g, /_CODES\s*=\s*new Set(?:<[^>]*>)?\(\s*\[([^\]]*)\]/g, /const STATUS[^=]*=\s*\{([^}]*)\}/g];

export function codesRaisedIn(source: string): Set<string> {
  const codes = new Set<string>();
  for (const pattern of RAISED) for (const m of source.matchAll(pattern)) codes.add(m[1]);
  for (const pattern of LISTS) {
    for (const m of source.matchAll(pattern)) for (const c of m[1].matchAll(/'?\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})\b'?\s*[:|,\]\n]?/g)) codes.add(c[1]);
  }
  return codes;
}

function documentedCodes(): Set<string> {
  const doc = readFileSync(join(ROOT, 'docs', 'ERROR-CODES.md'), 'utf8');
  return new Set([...doc.matchAll(/^\| `([A-Z_0-9]+)` \|/gm)].map((m) => m[1]));
}

describe('docs/ERROR-CODES.md', () => {
  const raised = new Map<string, string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const code of codesRaisedIn(readFileSync(file, 'utf8'))) if (!raised.has(code)) raised.set(code, file.slice(ROOT.length + 1));
  }

  it('finds the codes the service raises', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX', 'SERVICE_UNAVAILABLE', 'UNSUPPORTED_MEDIA_TYPE']) {
      expect(raised.has(code)).toBe(true);
    }
  });

  it('has a row for every code raised in src/', () => {
    const documented = documentedCodes();
    const missing = [...raised].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('the scan sees new codes however they are raised', () => {
    const sample = `throw domainError('RATE_LIMITED' as never, 'slow down');
      return { code: 'ENCODING', message: 'x' };
      new GraphQLError('too much', { extensions: { code: 'QUERY_TOO_COMPLEX_X' } });
      const STATUS: Record<string, number> = { PAYLOAD_TOO_LARGE: 413 };`;
    expect([...codesRaisedIn(sample)].sort()).toEqual(['ENCODING', 'PAYLOAD_TOO_LARGE', 'QUERY_TOO_COMPLEX_X', 'RATE_LIMITED']);
  });
});
