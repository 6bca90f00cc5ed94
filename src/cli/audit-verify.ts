// npm run audit:verify: walks the audit hash chain of DATABASE_URL, with the key (AUDIT_HMAC_KEY or
// AUDIT_KEY_FILE) and against the signed checkpoints (AUDIT_CHECKPOINT_FILE), and names the first
// problem by kind; warns with the count of events after the last checkpoint. Exit 0 when the chain is
// whole, 3 when it is broken (CHECKPOINTS_MISSING too), 1 on other errors.
import 'reflect-metadata';
import { configureAudit } from '../audit/audit-setup';
import { verifyAuditChain } from '../audit/audit.service';
import { verifyReport } from '../audit/chain-verify';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';

async function main(): Promise<void> {
  const config = loadConfig();
  configureAudit(config.audit, { timers: false });
  const ds = await openDataSource(config.database);
  try {
    const result = await verifyAuditChain(ds);
    process.stdout.write(verifyReport(result));
    if (!result.ok) process.exitCode = 3;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `audit:verify failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
