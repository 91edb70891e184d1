import { describe, expect, it } from 'vitest';
import { median, percentile, spread, summarizeLatencies } from '@/bench/lib/stats';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is a sample that a request really had, never an interpolation', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([10, 20], 50)).toBe(10);
  });

  it('does not depend on the order the samples came in', () => {
    const shuffled = [...hundred].reverse();
    expect(percentile(shuffled, 95)).toBe(95);
  });

  it('is the largest sample at 100 and the smallest at 0', () => {
    expect(percentile([3, 1, 2], 100)).toBe(3);
    expect(percentile([3, 1, 2], 0)).toBe(1);
  });

  it('lets a slow tail show at p95 once it is more than 5 % of the requests', () => {
    const fast = Array.from({ length: 94 }, () => 10);
    expect(percentile([...fast, ...Array.from({ length: 6 }, () => 500)], 95)).toBe(500);
    expect(percentile([...fast, 10, ...Array.from({ length: 5 }, () => 500)], 95)).toBe(10);
  });

  it('is NaN without samples and refuses a percentile outside 0-100', () => {
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median and spread over repeated runs', () => {
  it('takes the middle run, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNaN();
  });

  it('keeps every run with the median and the range', () => {
    expect(spread([12, 9, 15])).toEqual({ runs: [12, 9, 15], median: 12, min: 9, max: 15 });
  });

  it('needs at least one run', () => {
    expect(() => spread([])).toThrow(/at least one run/);
  });

  it('summarizes a long run without running out of call stack', () => {
    const samples = Array.from({ length: 300_000 }, (_, i) => i % 1000);
    const summary = summarizeLatencies(samples);
    expect(summary).toMatchObject({ count: 300_000, p50: 499, p95: 949, p99: 989, max: 999 });
  });
});
