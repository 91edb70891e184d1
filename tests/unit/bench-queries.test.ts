import { describe, expect, it } from 'vitest';
import { Rng } from '@/lib/bench/dataset';
import { CATEGORY_TEXT } from '@/lib/bench/phrases';
import { foldDiacritics, MIX_MUNICIPALITIES, queryMix, searchWords, withTypo } from '@/bench/lib/queries';
import { parseSearchQuery } from '@/lib/search/query';

describe('the search mix', () => {
  it('is the same list for the same seed, and another for another seed', () => {
    expect(queryMix(7, 200)).toEqual(queryMix(7, 200));
    expect(queryMix(8, 200).map((m) => m.params)).not.toEqual(queryMix(7, 200).map((m) => m.params));
  });

  it('begins the same way whatever its length, so a shorter run asks a prefix of a longer one', () => {
    expect(queryMix(1, 50)).toEqual(queryMix(1, 500).slice(0, 50));
  });

  it('is made of URLs that /sok and /api/search accept, and say back what was drawn', () => {
    for (const m of queryMix(1, 300)) {
      const parsed = parseSearchQuery(new URLSearchParams(m.params));
      expect(parsed.q).toBe(m.query.q ?? '');
      expect(parsed.municipalities).toEqual(m.query.municipalities ?? []);
      expect(parsed.categories).toEqual(m.query.categories ?? []);
      expect(parsed.openNow).toBe(m.query.openNow ?? false);
    }
  });

  it('mixes every kind of search a resident makes', () => {
    const mix = queryMix(1, 500);
    const kinds = new Set(mix.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['browse', 'categoryOpenNow', 'folded', 'language', 'municipality', 'twoWords', 'typo', 'word']);
    const browses = mix.filter((m) => m.kind === 'browse');
    expect(browses.every((m) => !m.query.q && m.query.categories?.length === 1)).toBe(true);
    expect(mix.some((m) => m.params.includes('oppet=nu'))).toBe(true);
    expect(mix.some((m) => m.params.includes('sprak='))).toBe(true);
  });

  it('draws its words, categories and municipalities from the generated directory', () => {
    const words = new Set(searchWords());
    const categories = new Set(Object.keys(CATEGORY_TEXT));
    for (const m of queryMix(1, 500)) {
      if (m.kind === 'word' || m.kind === 'municipality') expect(words.has(m.query.q!)).toBe(true);
      if (m.kind === 'folded') expect([...words].some((w) => foldDiacritics(w) === m.query.q && w !== m.query.q)).toBe(true);
      for (const c of m.query.categories ?? []) expect(categories.has(c)).toBe(true);
      for (const k of m.query.municipalities ?? []) expect(MIX_MUNICIPALITIES).toContain(k);
    }
  });

  it('types without å, ä and ö, and makes one typo in a word', () => {
    expect(foldDiacritics('skuldrådgivning')).toBe('skuldradgivning');
    expect(foldDiacritics('våld')).toBe('vald');
    const rng = new Rng(1, 'test');
    for (let i = 0; i < 50; i++) {
      const typo = withTypo('budgetrådgivning', rng);
      expect(typo).not.toBe('budgetrådgivning');
      expect(typo[0]).toBe('b');
      expect(Math.abs(typo.length - 'budgetrådgivning'.length)).toBeLessThanOrEqual(1);
    }
  });
});
