import { DataSource } from 'typeorm';
import { AuditConfig } from './audit-config';
import { AuditChainHead } from './audit-event.entity';
import { configureAuditKey } from './audit-key';
import { configureCheckpoints, writeCheckpointNow } from './checkpoints';

// The audit chain's key and checkpoints for this process (the service and audit:verify).
export function configureAudit(audit: AuditConfig): void {
  configureAuditKey(audit.key);
  configureCheckpoints({ file: audit.checkpointFile, every: audit.checkpointEvery });
}

// At start and at shutdown the current head is signed outside the database, so that events removed
// between two checkpoints are still found.
export async function checkpointHead(ds: DataSource): Promise<void> {
  const head = await ds.getRepository(AuditChainHead).findOneBy({ id: 1 });
  if (head) writeCheckpointNow(head);
}
