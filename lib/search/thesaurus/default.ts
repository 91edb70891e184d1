/**
 * The default Swedish thesaurus shipped with the portal (`sv.json` beside this file: data,
 * not code), validated and flattened into SearchSynonym rows.
 *
 * `loadDefaultThesaurus` is how the defaults reach a database: the demo seed calls it, and the
 * coordinator can run it from /admin/installningar on a production site. It adds entries that
 * are missing and refreshes default entries nobody has edited; an entry the coordinator has
 * changed (isDefault false) is never touched, so a newer default list never undoes their work.
 */
import { z } from 'zod';
import type { Tx } from '../projection';
import shipped from './sv.json';

const phrase = z.string().trim().min(1).max(80);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const fileSchema = z.object({
  language: z.string().min(2),
  topics: z
    .array(
      z.object({
        topic: z.string().trim().min(1).max(80),
        categories: z.array(slug).max(10),
        entries: z
          .array(
            z.object({
              words: z.array(phrase).min(1).max(40),
              terms: z.array(phrase).min(1).max(12),
              categories: z.array(slug).max(10).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export interface DefaultThesaurusRow {
  input: string;
  synonyms: string[];
  categories: string[];
  topic: string;
}

let cached: DefaultThesaurusRow[] | undefined;

const lowerUnique = (values: string[]) => [...new Set(values.map((v) => v.trim().toLowerCase()))];

/**
 * One row per trigger word. A word listed under two needs (rare, but "slagen" is both
 * violence at home and assault in the street) gets the terms and categories of both; its
 * topic is the first one's.
 */
export function defaultThesaurusRows(source: unknown = shipped): DefaultThesaurusRow[] {
  if (source === shipped && cached) return cached;
  const parsed = fileSchema.parse(source);
  const rows = new Map<string, DefaultThesaurusRow>();
  for (const topic of parsed.topics) {
    for (const entry of topic.entries) {
      for (const word of lowerUnique(entry.words)) {
        const previous = rows.get(word);
        const categories = entry.categories ?? topic.categories;
        rows.set(word, {
          input: word,
          synonyms: lowerUnique([...(previous?.synonyms ?? []), ...entry.terms]),
          categories: [...new Set([...(previous?.categories ?? []), ...categories])],
          topic: previous?.topic ?? topic.topic,
        });
      }
    }
  }
  const result = [...rows.values()];
  if (source === shipped) cached = result;
  return result;
}

export interface LoadReport {
  added: number;
  updated: number;
  /** Entries the coordinator has changed, left as they are. */
  keptEdited: number;
}

export async function loadDefaultThesaurus(tx: Tx, rows = defaultThesaurusRows()): Promise<LoadReport> {
  const existing = new Map(
    (await tx.searchSynonym.findMany({ select: { input: true, isDefault: true, synonyms: true, categories: true, topic: true } })).map((e) => [e.input, e]),
  );
  const report: LoadReport = { added: 0, updated: 0, keptEdited: 0 };
  const missing = rows.filter((row) => !existing.has(row.input));
  if (missing.length > 0) {
    await tx.searchSynonym.createMany({ data: missing.map((row) => ({ ...row, isMutual: false, isDefault: true })), skipDuplicates: true });
    report.added = missing.length;
  }
  for (const row of rows) {
    const current = existing.get(row.input);
    if (!current) continue;
    if (!current.isDefault) {
      report.keptEdited += 1;
      continue;
    }
    const same =
      current.topic === row.topic &&
      current.synonyms.join('\u0000') === row.synonyms.join('\u0000') &&
      current.categories.join('\u0000') === row.categories.join('\u0000');
    if (same) continue;
    await tx.searchSynonym.update({ where: { input: row.input }, data: { synonyms: row.synonyms, categories: row.categories, topic: row.topic } });
    report.updated += 1;
  }
  return report;
}
