/**
 * Outage drill on the running app: Meilisearch hangs (SIGSTOP, the worst case: connections
 * open but nothing answers) and every search still answers from PostgreSQL with no 5xx;
 * when it resumes, searches go back to Meilisearch by themselves.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
const meiliPid = inject('meiliPid');

async function engineOf(query: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/search?${query}&live=1`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { engine: string }).engine;
}

async function waitForEngine(engine: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await engineOf('q=stod')) !== engine) {
    if (Date.now() > deadline) throw new Error(`search did not switch to ${engine} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const resume = () => {
  try {
    process.kill(meiliPid, 'SIGCONT');
  } catch {
    // Already running or gone.
  }
};

afterAll(resume);

describe('search during a Meilisearch outage', () => {
  it('is served by Meilisearch once the worker has built the index', async () => {
    await waitForEngine('meilisearch', 30_000);
  });

  it('answers every search from PostgreSQL while Meilisearch hangs, without errors', async () => {
    process.kill(meiliPid, 'SIGSTOP');
    try {
      const started = Date.now();
      const page = await fetch(`${baseUrl}/sok?q=vald`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/tjanster/');
      // One client timeout (1 s) at most, then the fallback answers at once.
      expect(Date.now() - started).toBeLessThan(5000);

      const responses = await Promise.all(
        ['q=ensamhett', 'q=skulder&kommun=karlskoga', 'q=misshandel', 'kategori=psykisk-halsa&oppet=nu', 'q=xqzvw'].map((q) =>
          fetch(`${baseUrl}/api/search?${q}&live=1`),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as { engine: string; total: number }[];
      expect(bodies.map((b) => b.engine)).toEqual(['postgres', 'postgres', 'postgres', 'postgres', 'postgres']);
      expect(bodies[0]!.total).toBeGreaterThan(0);
      expect(bodies[2]!.total).toBeGreaterThan(0);

      const health = await (await fetch(`${baseUrl}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', database: 'ok', search: 'postgres' });
    } finally {
      resume();
    }
  });

  it('goes back to Meilisearch by itself when it answers again', async () => {
    await waitForEngine('meilisearch', 30_000);
    const health = await (await fetch(`${baseUrl}/api/health`)).json();
    expect(health.search).toBe('meilisearch');
  });
});
