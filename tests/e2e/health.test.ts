import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

describe('GET /api/health', () => {
  it('reports the database and Meilisearch as up', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', search: 'meilisearch' });
  });

  it('answers only GET', async () => {
    const response = await fetch(`${baseUrl}/api/health`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});
