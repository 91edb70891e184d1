import { getEnv } from '@/lib/env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured logs: one JSON object per line on stderr, filtered by LOG_LEVEL. Callers never
 * pass IP addresses or query text a resident typed.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  let threshold: Level = 'info';
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // A broken environment must not silence the log line that may explain it.
  }
  if (RANK[level] < RANK[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  process.stderr.write(`${line}\n`);
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
