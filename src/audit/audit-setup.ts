import { DataSource } from 'typeorm';
import { logger } from '../common/logger';
import { AuditConfig } from './audit-config';
import { AuditChainHead } from './audit-event.entity';
import { configureAuditKey } from './audit-key';
import { GENESIS_HASH } from './audit.service';
import { checkpointAtStartOrStop, configureCheckpoints, StartCheckpoint } from './checkpoints';

// The audit chain's key and checkpoints for this process (the service and audit:verify).
// timers: false for audit:verify, which only reads.
export function configureAudit(audit: AuditConfig, { timers = true } = {}): void {
  configureAuditKey(audit.key);
  configureCheckpoints({ file: audit.checkpointFile, every: audit.checkpointEvery, seconds: timers ? audit.checkpointSeconds : 0 });
}

// At start and at shutdown the current head is signed outside the database, so that events removed
// between two checkpoints are still found; a new deployment gets its genesis checkpoint (seq 0) at its
// first start, so that the file exists from the first event on.
export async function checkpointHead(ds: DataSource): Promise<StartCheckpoint> {
  const head = (await ds.getRepository(AuditChainHead).findOneBy({ id: 1 })) ?? { seq: 0, hash: GENESIS_HASH };
  const outcome = checkpointAtStartOrStop(head);
  if (outcome === 'MISSING') {
    logger.error(
      { events: head.seq },
      'the audit checkpoint file (AUDIT_CHECKPOINT_FILE) is missing though the audit chain has events: no checkpoints are written until it is restored ' +
        '(or, after an investigation, created empty); audit:verify reports CHECKPOINTS_MISSING (docs/AUDIT.md)',
    );
  }
  return outcome;
}
