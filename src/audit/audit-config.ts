// The audit trail's settings (loaded by src/config.ts from the environment).
export interface AuditConfig {
  // the chain's HMAC key, never stored in the database
  key: Buffer;
  // where signed checkpoints are appended, outside the database
  checkpointFile: string | null;
  // events between checkpoints
  checkpointEvery: number;
  // seconds after an unanchored event before a checkpoint is written anyway (0: no timer)
  checkpointSeconds: number;
}
