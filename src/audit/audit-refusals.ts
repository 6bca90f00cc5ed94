import { DataSource } from 'typeorm';
import { Role } from '../common/auth/viewer';
import { logger } from '../common/logger';
import { AuditOutcome } from './audit-event.entity';
import { appendAuditEvent } from './audit.service';

// A request refused before it ran: a token that did not verify, or a quota exceeded. It is audited as
// DENIED without the token (only who it claimed to be when that is known, the path and the reason)
// and without holding up the refusal, which returns nothing.
export interface Refusal {
  subject: string | null;
  role: string | null;
  district: string | null;
  path: string;
  reason: string;
  ip: string | undefined;
}

export function auditRefusal(ds: DataSource, refusal: Refusal): void {
  const viewer = { sub: refusal.subject ?? 'anonymous', name: '', role: (refusal.role ?? 'NONE') as Role, district: refusal.district ?? '', purpose: null };
  appendAuditEvent(ds, {
    viewer, operationName: `refused:${refusal.reason}`.slice(0, 100), document: refusal.path,
    variables: { path: refusal.path, ip: refusal.ip ?? null }, personIds: [], outcome: AuditOutcome.DENIED,
  }).catch((err: Error) => logger.error({ err: { message: err.message } }, 'a refused request could not be audited'));
}
