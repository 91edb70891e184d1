/**
 * The arithmetic of the benchmark: percentiles of one run's latencies, and the median and
 * spread of a figure over repeated runs. Pure, so the unit tests pin it down.
 */

/**
 * The p-th percentile (0-100) by the nearest-rank method: the smallest sample that at least
 * p % of the samples are less than or equal to. No interpolation, so a p95 is always a
 * latency that a request really had. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100 (got ${p})`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median: the middle sample, or the mean of the two middle ones. NaN for no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Spread {
  runs: number[];
  median: number;
  min: number;
  max: number;
}

/** A figure over repeated runs: every run, their median and their range. */
export function spread(runs: readonly number[]): Spread {
  if (runs.length === 0) throw new Error('a figure needs at least one run');
  return { runs: [...runs], median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  // reduce, not Math.max(...): a long run has more samples than a call may take arguments.
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? samples.reduce((a, b) => Math.max(a, b)) : Number.NaN,
  };
}
