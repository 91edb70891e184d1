import { describe, expect, it } from 'vitest';
import { crisisLinesFor } from '@/lib/search/crisis';
import { normalizeQuery, weekStartOf } from '@/lib/search/stats';

describe('normalizeQuery', () => {
  it.each([
    ['  Våld   i nära RELATION ', 'våld i nära relation'],
    ['skulder?!', 'skulder'],
    ['ring 070-123 45 67', 'ring #'],
    ['pnr 19850101-1234 hjälp', 'pnr # hjälp'],
    ['år 2026', 'år 2026'],
    ['...', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeQuery(input)).toBe(expected);
  });

  it('keeps at most 100 characters', () => {
    expect(normalizeQuery('ord '.repeat(60)).length).toBeLessThanOrEqual(100);
  });
});

describe('weekStartOf', () => {
  it('is the Monday of the week in Stockholm, also late on a Sunday evening UTC', () => {
    // Sunday 2026-03-29 23:30 UTC is already Monday 01:30 in Stockholm (summer time).
    expect(weekStartOf(new Date('2026-03-29T23:30:00Z')).toISOString().slice(0, 10)).toBe('2026-03-30');
    expect(weekStartOf(new Date('2026-03-29T12:00:00Z')).toISOString().slice(0, 10)).toBe('2026-03-23');
    expect(weekStartOf(new Date('2026-11-25T10:00:00Z')).toISOString().slice(0, 10)).toBe('2026-11-23');
  });
});

describe('crisisLinesFor', () => {
  it.each([
    ['min pojkvän slår mig', ['violence']],
    ['Våld i nära relation', ['violence']],
    ['misshandlad', ['violence']],
    ['jag vill inte leva längre', ['suicide']],
    ['självmordstankar', ['suicide']],
    ['barnmisshandel', ['children']],
    ['domestic violence', ['violence']],
    ['عنف', ['violence']],
  ])('%j puts %j first', (query, lines) => {
    expect(crisisLinesFor(query)).toEqual(lines);
  });

  it.each(['skulder', 'valde fel', 'hotell', 'matkasse', 'läxhjälp', ''])('%j is not a crisis query', (query) => {
    expect(crisisLinesFor(query)).toEqual([]);
  });
});
