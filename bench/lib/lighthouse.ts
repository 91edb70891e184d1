/**
 * Lighthouse as the quality bar reads it: mobile (Lighthouse's default config, form factor
 * mobile with simulated throttling), Debian's Chromium, several runs per page, the median.
 *
 *   const report = await runLighthouse(['http://127.0.0.1:3000/', ...], 5);
 *   report[0].categories.performance.median  // 0-100
 *
 * Runs go one after another, each in a fresh headless Chromium: parallel runs on two shared
 * cores would measure each other. Chromium is started without background networking, so a
 * run reaches nothing beyond the server under test on loopback.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';

export const LIGHTHOUSE_CHROMIUM_PATH = '/usr/bin/chromium';

export const LIGHTHOUSE_CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface CategoryScores {
  /** Each run's score, 0-100, in run order; null when Lighthouse could not score the category. */
  runs: (number | null)[];
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface FailingAudit {
  id: string;
  title: string;
  category: LighthouseCategory;
  /** 0-1, or null for audits that only pass or fail. */
  score: number | null;
  displayValue?: string;
}

export interface LighthouseUrlReport {
  url: string;
  categories: Record<LighthouseCategory, CategoryScores>;
  /** Which run (0-based) was the median of the performance score, whose audits are listed below. */
  medianRun: number;
  /** Audits of the median run that count towards a category score and did not pass. */
  failingAudits: FailingAudit[];
  /** Core timings of the median run in ms (simulated, as Lighthouse scores them). */
  metrics: Record<string, number | null>;
  /** Warnings Lighthouse raised on any run (e.g. the page redirected), and runs that were retried. */
  runWarnings: string[];
}

const MAX_ATTEMPTS = 3;

const METRIC_AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** Median of the numbers (the lower middle one for an even count, so it is a real run's value). */
function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function scoreOf(lhr: Result, category: LighthouseCategory): number | null {
  const score = lhr.categories[category]?.score;
  return typeof score === 'number' ? Math.round(score * 100) : null;
}

function failingAuditsOf(lhr: Result): FailingAudit[] {
  const failing: FailingAudit[] = [];
  const seen = new Set<string>();
  for (const category of LIGHTHOUSE_CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      // Weight 0 audits are informative only; they do not move the score.
      if (ref.weight === 0 || seen.has(ref.id)) continue;
      const audit = lhr.audits[ref.id];
      if (!audit) continue;
      const mode = audit.scoreDisplayMode;
      if (mode === 'notApplicable' || mode === 'manual' || mode === 'informative') continue;
      if (audit.score !== null && audit.score >= 0.9) continue;
      seen.add(ref.id);
      failing.push({ id: ref.id, title: audit.title, category, score: audit.score, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) });
    }
  }
  return failing;
}

/** One Lighthouse run of `url` in a fresh Chromium. */
export async function runLighthouseOnce(url: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: LIGHTHOUSE_CHROMIUM_PATH,
    chromeFlags: LIGHTHOUSE_CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...LIGHTHOUSE_CATEGORIES],
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

/**
 * `runs` Lighthouse runs of each URL, sequentially. The failing audits and metrics come from
 * the run whose performance score is the median, so a miss can be explained by that run.
 */
export async function runLighthouse(urls: string[], runs: number): Promise<LighthouseUrlReport[]> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const reports: LighthouseUrlReport[] = [];
  for (const url of urls) {
    const results: Result[] = [];
    const retries: string[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP on a busy machine)
      // and asks to be run again: a run is retried, and the retry is reported.
      for (let attempt = 1; ; attempt += 1) {
        try {
          results.push(await runLighthouseOnce(url));
          break;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS) throw error;
          retries.push(`run ${run + 1} retried: ${(error as Error).message}`);
        }
      }
    }

    const categories = {} as Record<LighthouseCategory, CategoryScores>;
    for (const category of LIGHTHOUSE_CATEGORIES) {
      const scores = results.map((lhr) => scoreOf(lhr, category));
      const numbers = scores.filter((score): score is number => score !== null);
      categories[category] = {
        runs: scores,
        median: medianOf(numbers),
        min: numbers.length ? Math.min(...numbers) : null,
        max: numbers.length ? Math.max(...numbers) : null,
      };
    }

    const performance = results.map((lhr) => scoreOf(lhr, 'performance') ?? -1);
    const medianPerformance = medianOf(performance);
    const medianRun = Math.max(0, performance.indexOf(medianPerformance ?? -1));
    const median = results[medianRun]!;
    reports.push({
      url,
      categories,
      medianRun,
      failingAudits: failingAuditsOf(median),
      metrics: Object.fromEntries(METRIC_AUDITS.map((id) => [id, median.audits[id]?.numericValue ?? null])),
      runWarnings: [...new Set([...retries, ...results.flatMap((lhr) => lhr.runWarnings)])],
    });
  }
  return reports;
}
