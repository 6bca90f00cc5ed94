import pino from 'pino';

// Structured JSON logs. Never log personal data, tokens or variables' values: only the fields
// each call site chooses, and the redaction below as a second line of defence.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'jindu-graph' },
  redact: { paths: ['req.headers.authorization', 'headers.authorization', 'variables', 'idNumber', 'name'], remove: true },
});
