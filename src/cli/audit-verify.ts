// npm run audit:verify: walks the audit hash chain of DATABASE_URL and names the first broken link.
// Exit 0 when the chain is whole, 3 when it is broken, 1 on other errors.
import 'reflect-metadata';
import { verifyAuditChain } from '../audit/audit.service';
import { ConfigError, loadConfig } from '../config';
import { openDataSource } from '../database';

async function main(): Promise<void> {
  const ds = await openDataSource(loadConfig().database);
  try {
    const result = await verifyAuditChain(ds);
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} events verified\n`);
      return;
    }
    process.stdout.write(`audit chain BROKEN at event ${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.checked} events verified before it)\n`);
    process.exitCode = 3;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `audit:verify failed: ${(err as Error).message}`}\n`);
  process.exit(1);
});
