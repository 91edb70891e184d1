/**
 * Measuring search relevance: runs queries through an engine as the search page does (the
 * query analysed against the database, first page of 20) and reports
 *
 * - recall@5: the share of queries with at least one right answer among the first five hits;
 * - MRR: the mean of 1 / (rank of the first right answer) over the first page (0 when none).
 *
 * Used by tests/integration/search-relevance.test.ts, and by hand for other query sets.
 */
import { resolveOpenNow } from '@/lib/directory/open-now';
import type { Db } from '@/lib/db/client';
import { analyzeSearchQuery } from '@/lib/search/analyze';
import { parseSearchQuery } from '@/lib/search/query';
import type { EngineName, SearchEngine } from '@/lib/search/types';

export const TOP = 5;

/** What a measured query needs: the words, and the slugs of the services that are right answers. */
export interface JudgedQuery {
  q: string;
  relevant: string[];
  /** A label to break the figures down by (the relevance set's `form`). */
  form?: string;
}

export interface Outcome<Q extends JudgedQuery = JudgedQuery> {
  query: Q;
  engine: EngineName;
  /** 1-based rank of the first right answer on the first page, or null. */
  firstRelevantRank: number | null;
  /** The first hits, for the report of misses. */
  top: string[];
}

export interface Figures {
  queries: number;
  recallAt5: number;
  mrr: number;
}

export async function runRelevanceQueries<Q extends JudgedQuery>(db: Db, engine: SearchEngine, queries: readonly Q[]): Promise<Outcome<Q>[]> {
  const openNow = await resolveOpenNow(db, new Date());
  const outcomes: Outcome<Q>[] = [];
  for (const query of queries) {
    const parsed = parseSearchQuery({ q: query.q });
    const result = await engine.search({ query: parsed, analysis: await analyzeSearchQuery(db, parsed.q), locale: 'sv', openNow });
    const slugs = result.hits.map((hit) => hit.slug);
    const index = slugs.findIndex((slug) => query.relevant.includes(slug));
    outcomes.push({ query, engine: result.engine, firstRelevantRank: index < 0 ? null : index + 1, top: slugs.slice(0, TOP) });
  }
  return outcomes;
}

export function figuresOf(outcomes: Outcome[]): Figures {
  const found = outcomes.filter((o) => o.firstRelevantRank !== null && o.firstRelevantRank <= TOP).length;
  const reciprocal = outcomes.reduce((sum, o) => sum + (o.firstRelevantRank ? 1 / o.firstRelevantRank : 0), 0);
  return { queries: outcomes.length, recallAt5: found / outcomes.length, mrr: reciprocal / outcomes.length };
}

const fixed = (n: number) => n.toFixed(3);

/** The figures overall and per form, and every query that missed, as printed lines. */
export function relevanceReport(title: string, outcomes: Outcome[]): string {
  const all = figuresOf(outcomes);
  const lines = [`${title}: recall@${TOP} ${fixed(all.recallAt5)}, MRR ${fixed(all.mrr)} over ${all.queries} queries`, ''];
  const forms = [...new Set(outcomes.map((o) => o.query.form).filter((f): f is string => Boolean(f)))];
  if (forms.length > 0) {
    lines.push(`  ${'form'.padEnd(14)} ${'n'.padStart(3)}  recall@${TOP}    MRR`);
    for (const form of forms) {
      const f = figuresOf(outcomes.filter((o) => o.query.form === form));
      lines.push(`  ${form.padEnd(14)} ${String(f.queries).padStart(3)}     ${fixed(f.recallAt5)}  ${fixed(f.mrr)}`);
    }
  }
  const misses = outcomes.filter((o) => o.firstRelevantRank === null || o.firstRelevantRank > TOP);
  lines.push('', `  Misses (${misses.length}): query [form] first right answer at | top hits`);
  for (const miss of misses) {
    const rank = miss.firstRelevantRank === null ? '-' : String(miss.firstRelevantRank);
    const top = miss.top.length > 0 ? miss.top.slice(0, 3).join(', ') : 'no hits';
    lines.push(`  - "${miss.query.q}" [${miss.query.form ?? ''}] ${rank} | ${top}`);
  }
  return lines.join('\n');
}
