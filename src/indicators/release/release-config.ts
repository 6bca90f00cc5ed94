import { ConfigError } from '../../common/config-error';
import { MIN_SUPPRESSION_THRESHOLD } from './suppression';

// The joint report's settings, read from the environment once and validated like src/config.ts.
export interface ReportConfig {
  // counts of persons below this are suppressed for viewers without person-level access
  suppressionThreshold: number;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function loadReportConfig(env: NodeJS.ProcessEnv = process.env): ReportConfig {
  const raw = env.REPORT_SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw.trim() === '') return { suppressionThreshold: DEFAULT_SUPPRESSION_THRESHOLD };
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new ConfigError('REPORT_SUPPRESSION_THRESHOLD: must be a whole number (default 5)');
  }
  if (n < MIN_SUPPRESSION_THRESHOLD) {
    throw new ConfigError(`REPORT_SUPPRESSION_THRESHOLD: must be at least ${MIN_SUPPRESSION_THRESHOLD}; smaller cells identify persons`);
  }
  return { suppressionThreshold: n };
}

let current: ReportConfig | undefined;

// The settings in force: loaded on first use (createServer mounts the report routes, so a bad value
// stops the service at start), or set explicitly by a test or the bootstrap.
export function reportConfig(): ReportConfig {
  current ??= loadReportConfig();
  return current;
}

export function setReportConfig(config: ReportConfig | undefined): void {
  current = config && loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: String(config.suppressionThreshold) });
}
