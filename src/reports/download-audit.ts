import { DataSource } from 'typeorm';
import { AuditOutcome } from '../audit/audit-event.entity';
import { appendAuditEvent } from '../audit/audit.service';
import { Viewer } from '../policy/viewer';
import { logger } from '../common/logger';

// A download link issued or followed is in the audit trail (who, which file, the report's parameters,
// and the purpose the link was asked for under, which the viewer carries), like any refused request.
// The link's signature and expiry are never recorded: the parameters are the report's own.
export function auditDownload(ds: DataSource, viewer: Viewer, what: string, parameters: Record<string, string>): void {
  appendAuditEvent(ds, { viewer, operationName: `report-link:${what}`.slice(0, 100), document: what, variables: parameters, personIds: [], outcome: AuditOutcome.ALLOWED }).catch(
    (err: Error) => logger.error({ err: { message: err.message } }, 'a report download could not be audited'),
  );
}
