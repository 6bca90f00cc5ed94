import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Retention: audit events are kept (at least six months, Cybersecurity Law art. 21) and the service
// never deletes or rewrites them: no source file issues DELETE, UPDATE, TRUNCATE or DROP on an audit
// table (the chain head row aside, which an append moves forward).
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

describe('audit retention', () => {
  it('no code under src/ deletes, rewrites, truncates or drops audit events or their person links', () => {
    const offending: string[] = [];
    const statement = /\b(DELETE\s+FROM|UPDATE|TRUNCATE(\s+TABLE)?|DROP\s+TABLE)\s+[`"]?(audit_event|audit_event_person)\b/i;
    const repository = /getRepository\((AuditEvent|AuditEventPerson)\)\s*\.\s*(delete|update|remove|clear|softDelete)\(/;
    for (const file of sources(join(__dirname, '..', 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (statement.test(text) || repository.test(text)) offending.push(file);
    }
    expect(offending).toEqual([]);
  });
});
