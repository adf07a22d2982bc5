import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from '../src/config/app-config';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const THRESHOLD: Record<AppConfig['logLevel'], number> = {
  silent: 0,
  fatal: 1,
  error: 2,
  warn: 3,
  info: 4,
  debug: 5,
  trace: 6,
};

/** Maps LOG_LEVEL (pino's names, shared with the API) to Nest's logger levels. */
export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  return ORDER.slice(0, THRESHOLD[level]);
}
