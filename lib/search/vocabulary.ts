/**
 * The index's own vocabulary: every word the searchable services use (folded), with the
 * number of services that use it. Query analysis uses it to split compounds into words the
 * directory has ("alkoholproblem" -> "alkohol" + "problem") and to tell words that say
 * something from words nearly every service contains.
 *
 * It is read from the PostgreSQL projection, which both engines mirror. Reading it costs a
 * pass over the projection, so each process keeps it for `MAX_AGE_MS` and then refreshes it in
 * the background while searches go on with the previous one: a new service's words reach
 * compound splitting within minutes, which is all splitting needs.
 */
import type { Db } from '@/lib/db/client';
import { searchWords } from './words';

const MAX_AGE_MS = 10 * 60_000;

export class Vocabulary {
  private readonly sorted: string[];

  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    /** How many services the counts are over. */
    readonly documentCount: number,
  ) {
    this.sorted = [...counts.keys()].sort();
  }

  /** Services that use the word as written (folded). */
  frequency(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** Whether some word of the index starts with `prefix` ("panik" in "panikångest"). */
  hasPrefix(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sorted[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    return low < this.sorted.length && (this.sorted[low] as string).startsWith(prefix);
  }

  /** A vocabulary of these texts, one per service (for tests and tools). */
  static fromTexts(texts: string[]): Vocabulary {
    const counts = new Map<string, number>();
    for (const text of texts) {
      for (const word of new Set(searchWords(text))) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    return new Vocabulary(counts, texts.length);
  }
}

export async function readVocabulary(db: Db): Promise<Vocabulary> {
  // ts_stat counts each word once per document; 'simple' keeps words as written, and the
  // text is folded as the projection's own text is.
  const [words, [total]] = await Promise.all([
    db.$queryRaw<{ word: string; ndoc: number }[]>`
      SELECT word, ndoc FROM ts_stat($$
        SELECT to_tsvector('simple', d."searchText" || ' ' || unaccent(lower(coalesce(d."document" ->> 'description', ''))))
        FROM "ServiceSearchDocument" d
      $$)`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "ServiceSearchDocument"`,
  ]);
  return new Vocabulary(new Map(words.map((w) => [w.word, Number(w.ndoc)])), total?.n ?? 0);
}

interface Cached {
  value: Promise<Vocabulary>;
  readAt: number;
  refreshing: boolean;
}

const cache = new WeakMap<Db, Cached>();

export async function getVocabulary(db: Db): Promise<Vocabulary> {
  const cached = cache.get(db);
  if (!cached) {
    const entry: Cached = { value: readVocabulary(db), readAt: Date.now(), refreshing: false };
    cache.set(db, entry);
    // An empty directory (before the first import) is not worth remembering.
    entry.value.then((v) => v.documentCount === 0 && cache.delete(db), () => cache.delete(db));
    return entry.value;
  }
  if (Date.now() - cached.readAt > MAX_AGE_MS && !cached.refreshing) {
    cached.refreshing = true;
    readVocabulary(db).then(
      (fresh) => cache.set(db, { value: Promise.resolve(fresh), readAt: Date.now(), refreshing: false }),
      () => {
        cached.refreshing = false;
      },
    );
  }
  return cached.value;
}

/** After bulk changes (seed, import, reindex): the next search reads the vocabulary again. */
export function forgetVocabulary(db: Db): void {
  cache.delete(db);
}
