import { DataSource } from 'typeorm';
import { Role } from '../policy/viewer';
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

// Refusals waiting to be written are bounded apart from the requests' own events, so that a flood of
// bad or missing tokens cannot fill the append queue (src/audit/audit.service.ts) and starve real reads;
// beyond the bound they are counted in the log instead.
export const MAX_PENDING_REFUSALS = 100;
let pending = 0;
let dropped = 0;

export function auditRefusal(ds: DataSource, refusal: Refusal): void {
  if (pending >= MAX_PENDING_REFUSALS) {
    dropped += 1;
    if (dropped % 1000 === 1) logger.warn({ dropped }, 'refused requests arrive faster than they can be audited; some are only counted');
    return;
  }
  pending += 1;
  const viewer = { sub: refusal.subject ?? 'anonymous', name: '', role: (refusal.role ?? 'NONE') as Role, district: refusal.district ?? '', purpose: null };
  appendAuditEvent(ds, {
    viewer, operationName: `refused:${refusal.reason}`.slice(0, 100), document: refusal.path,
    variables: { path: refusal.path, ip: refusal.ip ?? null }, personIds: [], outcome: AuditOutcome.DENIED,
  })
    .catch((err: Error) => logger.error({ err: { message: err.message } }, 'a refused request could not be audited'))
    .finally(() => (pending -= 1));
}
