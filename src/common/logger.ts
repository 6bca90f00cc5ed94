import pino from 'pino';

// Structured JSON logs. Never log personal data, tokens or variables' values: only the fields
// each call site chooses, and the redaction below as a second line of defence.
// The level from LOG_LEVEL is validated by src/config.ts, which sets it again at start; an unknown
// value must not throw here, before configuration errors can be reported in one line.
const envLevel = process.env.LOG_LEVEL;
export const logger = pino({
  level: envLevel && (envLevel in pino.levels.values || envLevel === 'silent') ? envLevel : process.env.NODE_ENV === 'test' ? 'silent' : 'info',
  base: { service: 'jindu-graph' },
  redact: { paths: ['req.headers.authorization', 'headers.authorization', 'variables', 'idNumber', 'name'], remove: true },
});
