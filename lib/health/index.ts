import { probeMeili } from '@/lib/search/health';
import { searchEngineInUse } from '@/lib/search/service';
import { pingDatabase } from './queries';

/**
 * `search` names the engine that answers searches right now: Meilisearch when it is up,
 * otherwise the PostgreSQL full-text fallback (which needs the database).
 */
export interface HealthReport {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
  search: 'meilisearch' | 'postgres';
}

export interface HealthChecks {
  database(): Promise<boolean>;
  search(): Promise<boolean>;
}

const liveChecks: HealthChecks = {
  database: () => pingDatabase(),
  // Meilisearch answering is not enough: SEARCH_ENGINE=postgres, or a recent failure, means
  // PostgreSQL serves the searches.
  search: async () => searchEngineInUse(await probeMeili()) === 'meilisearch',
};

/** Runs both checks side by side; only the database decides the overall status. */
export async function checkHealth(checks: HealthChecks = liveChecks): Promise<HealthReport> {
  const [databaseUp, searchUp] = await Promise.all([
    checks.database().catch(() => false),
    checks.search().catch(() => false),
  ]);
  return {
    status: databaseUp ? 'ok' : 'error',
    database: databaseUp ? 'ok' : 'error',
    search: searchUp ? 'meilisearch' : 'postgres',
  };
}

/** 503 tells load balancers and uptime monitors to stop sending traffic here. */
export function healthHttpStatus(report: HealthReport): 200 | 503 {
  return report.status === 'ok' ? 200 : 503;
}
